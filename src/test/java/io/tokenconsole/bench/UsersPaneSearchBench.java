package io.tokenconsole.bench;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.SharedUserList;
import io.tokenconsole.store.UserPage;
import io.tokenconsole.ui.QueuedBackgroundWork;
import io.tokenconsole.ui.RecordingClipboard;
import io.tokenconsole.ui.ScriptedDialogs;
import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.ui.common.ChangeGuard;
import io.tokenconsole.ui.common.Notifier;
import io.tokenconsole.ui.shell.Session;
import io.tokenconsole.ui.users.UsersViewModel;
import io.tokenconsole.workflow.ConsoleBackend;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One keystroke in the Users pane's search field with 100,000 saved users: the view model's whole
 * path — the text changes, the workspace is searched (the pane's page of 100), the rows are made
 * and replace the table's list, the selection is followed — on the real workspace of a real
 * {@link ConsoleBackend}. The background work runs in place, so the time is the work itself.
 * Baseline in the same run and workspace: one user looked up by its key.
 *
 * <pre>./mvnw -B -Pbench test-compile exec:exec -Djmh.include='io.tokenconsole.bench.UsersPaneSearchBench.*'</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UsersPaneSearchBench {

    static final int USERS = 100_000;

    /** Someone typing a label, one keystroke after another (short text matches thousands). */
    private static final String TYPED = "customer 54321";
    /** The worst search there is: a phrase in one note of eight, every match sorted for the first page. */
    private static final String[] COMMON_WORD = {"about escalatio", "about escalation"};

    private Path folder;
    private ConsoleBackend backend;
    private UsersViewModel pane;
    private String knownId;
    private int keystroke;

    @Setup(Level.Trial)
    public void fill() throws IOException {
        folder = Files.createTempDirectory("users-pane-bench");
        backend = ConsoleBackend.start(new DataFolder(folder, DataFolder.Source.DATA_DIR_OPTION), Clock.systemUTC(),
                Map.of(), step -> { });
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder("environment,id,label,note,external_id\n");
        String[] words = {"payroll", "deposit", "w-2", "login", "escalation", "mfa", "employer", "paystub"};
        for (int i = 0; i < USERS; i++) {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            csv.append(i % 10 == 0 ? "production" : "local").append(',').append(id)
                    .append(",customer ").append(i).append(' ').append(words[i % words.length])
                    .append(",called about ").append(words[(i / 8) % words.length]).append(" on ticket ").append(i * 7)
                    .append(",CRM-").append(100_000 + i).append('\n');
            if (i == 54_321) {
                knownId = id;
            }
        }
        new SharedUserList(backend.requireWorkspace())
                .importFrom(new StringReader(csv.toString()), SharedUserList.Format.CSV, null, "bench");
        BackendStartup startup = BackendStartup.ready(backend);
        QueuedBackgroundWork inPlace = QueuedBackgroundWork.immediate();
        ScriptedDialogs dialogs = new ScriptedDialogs();
        pane = new UsersViewModel(new Session(), new UsersViewModel.Shell() {
            @Override
            public void navigate(String paneId) {
            }

            @Override
            public boolean runCommand(String name) {
                return false;
            }
        }, startup, inPlace, new ChangeGuard(startup, inPlace, dialogs), dialogs, Notifier.none(),
                new RecordingClipboard(Duration.ofSeconds(60)), ZoneOffset.UTC);
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException {
        backend.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The baseline: one saved user by environment and id, through the unique index. */
    @Benchmark
    public Optional<?> lookupByPrimaryKey() {
        return backend.requireWorkspace().users().find(Environment.LOCAL, knownId);
    }

    /** The store alone for the same keystrokes, with the pane's page size: what the pane adds is the difference. */
    @Benchmark
    public UserPage directorySearchWhileTyping() {
        keystroke = (keystroke % TYPED.length()) + 1;
        return backend.requireWorkspace().users().search(Environment.LOCAL, TYPED.substring(0, keystroke), 100, 0);
    }

    /** One keystroke of typing "customer 54321" into the pane's search field, averaged over the 14 keystrokes. */
    @Benchmark
    public int paneKeystrokeWhileTyping() {
        keystroke = (keystroke % TYPED.length()) + 1;
        pane.searchTextProperty().set(TYPED.substring(0, keystroke));
        return pane.rows().size();
    }

    /** The worst case: a phrase found in 11,000 notes, so the first page sorts every match. */
    @Benchmark
    public int paneKeystrokeCommonNoteWord() {
        keystroke = (keystroke + 1) % 2;
        pane.searchTextProperty().set(COMMON_WORD[keystroke]);
        return pane.rows().size();
    }
}
