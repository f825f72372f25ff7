package io.tokenconsole.bench;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.SharedUserList;
import io.tokenconsole.store.UserPage;
import io.tokenconsole.store.Workspace;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
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
 * Searching 100,000 saved users, against a lookup of one user by its key in the same workspace and
 * run: the ratio says how much more a search costs than the cheapest query there is. 90,000 users
 * are in the sandbox, 10,000 in production (they must be filtered out, not just skipped).
 *
 * <pre>./mvnw -B -Pbench test-compile exec:exec -Djmh.include='io.tokenconsole.bench.UserSearchBench.*'</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UserSearchBench {

    static final int USERS = 100_000;

    private Path folder;
    private Workspace workspace;
    private String knownId;
    private String idPrefix;
    private String rareLabelWord;
    private Connection plainConnection;

    @Setup(Level.Trial)
    public void fill() throws IOException, SQLException {
        folder = Files.createTempDirectory("user-search-bench");
        workspace = Workspace.open(folder.resolve("workspace.db"), Clock.systemUTC(), new Operator("bench"));
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder("environment,id,label,note,external_id\n");
        String[] words = {"payroll", "deposit", "w-2", "login", "escalation", "mfa", "employer", "paystub"};
        for (int i = 0; i < USERS; i++) {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            String environment = i % 10 == 0 ? "production" : "sandbox";
            csv.append(environment).append(',').append(id)
                    .append(",customer ").append(i).append(' ').append(words[i % words.length])
                    .append(",called about ").append(words[(i / 8) % words.length]).append(" on ticket ").append(i * 7)
                    .append(",CRM-").append(100_000 + i).append('\n');
            if (i == 54_321) {
                knownId = id;
            }
        }
        // Users are added the way a team's shared list would be: one import, one transaction.
        new SharedUserList(workspace).importFrom(new StringReader(csv.toString()), SharedUserList.Format.CSV, null, "bench");
        idPrefix = knownId.substring(0, 6);
        rareLabelWord = "customer 54321 ";
        // A second, plain connection to the same file for the "no index" comparison below.
        plainConnection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("workspace.db"));
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException, SQLException {
        plainConnection.close();
        workspace.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The baseline: one user by environment and id, through the unique index. */
    @Benchmark
    public Optional<?> lookupByPrimaryKey() {
        return workspace.users().find(Environment.SANDBOX, knownId);
    }

    /** Typing the start of a user id: 6 hex characters, the trigram index. */
    @Benchmark
    public UserPage searchByIdPrefix() {
        return workspace.users().search(Environment.SANDBOX, idPrefix, 50, 0);
    }

    /** Two characters of an id: the short-text path through the prefix indexes (≈350 matches). */
    @Benchmark
    public UserPage searchByShortIdPrefix() {
        return workspace.users().search(Environment.SANDBOX, knownId.substring(0, 2), 50, 0);
    }

    /** A piece of one label. */
    @Benchmark
    public UserPage searchByLabel() {
        return workspace.users().search(Environment.SANDBOX, rareLabelWord, 50, 0);
    }

    /** A word in many notes (1 in 8 users): the worst case, every match sorted for the first page. */
    @Benchmark
    public UserPage searchByCommonNoteWord() {
        return workspace.users().search(Environment.SANDBOX, "about escalation", 50, 0);
    }

    /** An external id typed in full. */
    @Benchmark
    public UserPage searchByExternalId() {
        return workspace.users().search(Environment.SANDBOX, "CRM-154321", 50, 0);
    }

    /** The first page with no search text: newest first from the environment's index. */
    @Benchmark
    public UserPage firstPageUnfiltered() {
        return workspace.users().search(Environment.SANDBOX, "", 50, 0);
    }

    /**
     * What the trigram index saves: the same label search as {@link #searchByLabel} written as the
     * obvious {@code LIKE '%text%'}, which must read every user of the environment.
     */
    @Benchmark
    public int searchByLabelWithLikeScan() throws SQLException {
        try (PreparedStatement select = plainConnection.prepareStatement("""
                SELECT id FROM saved_users WHERE environment = 'sandbox'
                AND (label LIKE ?1 OR note LIKE ?1 OR external_id LIKE ?1 OR id LIKE ?1)
                ORDER BY created_at DESC, id LIMIT 51""")) {
            select.setString(1, "%" + rareLabelWord + "%");
            int rows = 0;
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }
}
