package io.tokenconsole.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenconsole.argyle.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Recordings that wait on this computer for a team workspace whose server could not be reached: an
 * action whose API call succeeded keeps its audit row (and the saved-user change that goes with it)
 * here, and they are written to the server when it answers again — by the next command, or by the
 * window when the workspace reports it reachable.
 *
 * <p>One file per workspace in the data folder's {@value #FOLDER} folder (owner-only), one JSON object a
 * line, appended and synced before the action reports back. A line holds what an audit row holds —
 * the row's id and time, operator, environment, action, user id, the token's {@code jti} and {@code exp},
 * outcome, error, detail — and, for a created user, the label, note and external id it was created with.
 * Never a token or a secret: there is no field for one, and the values pass the workspace's own checks
 * ({@link TokenFacts}, {@link UserDetails}, {@link AuditEvent}) before they are written here.
 *
 * <p>Nothing is written twice: every line carries the row id ({@link AuditStamp}) made when the action
 * happened, and the workspace keeps one row per id. A flush cut short (the server going away again, the
 * process killed) leaves the lines it did not finish, and writing one again is harmless.
 *
 * <p>Thread and process safety: appends and flushes of one file take a lock in this process and a file lock
 * across processes (the window and a command may share a data folder).
 */
public final class AuditSpool {

    /** The folder in the data folder that holds the waiting recordings. */
    public static final String FOLDER = "audit-spool";

    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
    private static final FileAttribute<?> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final FileAttribute<?> OWNER_ONLY_FOLDER =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    /** What waits: a user created, a token issued (each with its saved-user change), or any other audit row. */
    public sealed interface Waiting {

        AuditStamp stamp();

        /** The row the replay writes, for counting and for the message. */
        AuditAction action();

        /** {@code users create} / Create user: the user saved as created here, and its {@code user-created} row. */
        record UserCreated(AuditStamp stamp, String operator, Environment environment, String userId,
                UserDetails details, TokenFacts token) implements Waiting {
            public UserCreated {
                Objects.requireNonNull(stamp, "stamp");
                Objects.requireNonNull(environment, "environment");
                Objects.requireNonNull(userId, "userId");
                details = details == null ? UserDetails.NONE : details;
            }

            @Override
            public AuditAction action() {
                return AuditAction.USER_CREATED;
            }
        }

        /** {@code tokens issue} / Issue token / a Link session's token: the user's last token, and its row. */
        record TokenIssued(AuditStamp stamp, String operator, Environment environment, String userId, TokenFacts token)
                implements Waiting {
            public TokenIssued {
                Objects.requireNonNull(stamp, "stamp");
                Objects.requireNonNull(environment, "environment");
                Objects.requireNonNull(userId, "userId");
            }

            @Override
            public AuditAction action() {
                return AuditAction.TOKEN_ISSUED;
            }
        }

        /**
         * An audit row alone (a failed call, a deleted user), written as it is.
         *
         * @param forgetUser the row says the user is gone at Argyle: the saved user is forgotten too
         */
        record Row(AuditEntry entry, boolean forgetUser) implements Waiting {
            public Row {
                Objects.requireNonNull(entry, "entry");
            }

            @Override
            public AuditStamp stamp() {
                return entry.stamp();
            }

            @Override
            public AuditAction action() {
                return entry.action();
            }
        }
    }

    /**
     * What a flush did.
     *
     * @param written rows written to the workspace now
     * @param alreadyThere rows the workspace had already (written before a connection broke, or by another flush)
     * @param waiting rows still waiting here (the server went away again, or a row was refused)
     * @param problems why rows still wait, in words, one per reason
     */
    public record FlushReport(int written, int alreadyThere, int waiting, List<String> problems) {
        public FlushReport {
            problems = List.copyOf(problems);
        }

        public static final FlushReport NOTHING = new FlushReport(0, 0, 0, List.of());
    }

    private final Path file;
    private final String workspaceKey;

    private AuditSpool(Path file, String workspaceKey) {
        this.file = file;
        this.workspaceKey = workspaceKey;
    }

    /** The spool of one workspace, in this person's data folder (nothing is created until something waits). */
    public static AuditSpool in(DataFolder folder, WorkspaceLocation location) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(location, "location");
        String key = location instanceof WorkspaceLocation.Team team ? team.address().uri() : WorkspaceChoice.THIS_COMPUTER;
        String readable = location instanceof WorkspaceLocation.Team team
                ? team.address().shortForm() : WorkspaceChoice.THIS_COMPUTER;
        String name = readable.replaceAll("[^A-Za-z0-9._-]+", "_");
        if (name.length() > 60) {
            name = name.substring(0, 60);
        }
        return new AuditSpool(folder.path().resolve(FOLDER).resolve(name + "-" + shortHash(key) + ".jsonl"), key);
    }

    /** The file the recordings wait in (it exists only while something waits). */
    public Path file() {
        return file;
    }

    /** How many recordings wait. */
    public int pending() {
        return locked(() -> readLines().size());
    }

    /** Keeps a recording until {@link #flush}: appended and synced to disk before this returns. */
    public void add(Waiting waiting) {
        Objects.requireNonNull(waiting, "waiting");
        String json = toJson(waiting);
        try {
            createFolder();
        } catch (IOException e) {
            throw new UncheckedIOException("The audit spool " + file + " cannot be made: " + e.getMessage(), e);
        }
        locked(() -> {
            try (FileChannel channel = openForAppend()) {
                // A line cut short by a crash mid-append gets its own end, so this one starts on a line of its own.
                boolean cutShort = channel.size() > 0 && lastByte(channel) != '\n';
                ByteBuffer buffer = ByteBuffer.wrap(((cutShort ? "\n" : "") + json + "\n").getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            return null;
        });
    }

    /**
     * Writes what waits to the workspace, oldest first, and keeps what could not be written. Stops at the
     * first sign that the server is away again (the rest waits for the next time); a row the workspace
     * refuses for another reason stays here too, and is named in {@link FlushReport#problems()}.
     */
    public FlushReport flush(Workspace workspace) {
        Objects.requireNonNull(workspace, "workspace");
        if (!Files.exists(file)) {
            return FlushReport.NOTHING;
        }
        return locked(() -> {
            List<String> lines = readLines();
            if (lines.isEmpty()) {
                return FlushReport.NOTHING;
            }
            List<String> keep = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            int written = 0;
            int alreadyThere = 0;
            boolean away = false;
            for (String line : lines) {
                if (away) {
                    keep.add(line);
                    continue;
                }
                Waiting waiting;
                try {
                    waiting = fromJson(line);
                } catch (IllegalArgumentException unreadable) {
                    keep.add(line);
                    addOnce(problems, "A line in " + file + " cannot be read (" + unreadable.getMessage()
                            + "); it is kept there.");
                    continue;
                }
                try {
                    if (replay(workspace, waiting)) {
                        written++;
                    } else {
                        alreadyThere++;
                    }
                } catch (WorkspaceUnavailableException stillAway) {
                    away = true;
                    keep.add(line);
                    addOnce(problems, stillAway.getMessage());
                } catch (WorkspaceException | IllegalArgumentException refused) {
                    keep.add(line);
                    addOnce(problems, "The workspace refused a waiting " + waiting.action().displayName() + " row ("
                            + refused.getMessage() + "); it stays in " + file + ".");
                }
            }
            if (written > 0 || alreadyThere > 0) {
                rewrite(keep);
            }
            return new FlushReport(written, alreadyThere, keep.size(), problems);
        });
    }

    /** Writes one recording; {@code false} when its row was there already (then only a forget is repeated). */
    private boolean replay(Workspace workspace, Waiting waiting) {
        boolean there = workspace.audit().contains(waiting.stamp().uid());
        if (waiting instanceof Waiting.UserCreated created) {
            if (!there) {
                workspace.users().recordUserCreated(created.environment(), created.userId(), created.details(),
                        created.token(), created.stamp());
            }
        } else if (waiting instanceof Waiting.TokenIssued issued) {
            if (!there) {
                workspace.users().recordTokenIssued(issued.environment(), issued.userId(), issued.token(), issued.stamp());
            }
        } else if (waiting instanceof Waiting.Row row) {
            if (!there) {
                there = !workspace.audit().restore(row.entry());
            }
            if (row.forgetUser() && row.entry().environment() != null && row.entry().userId() != null) {
                // The user is gone at Argyle; forgetting is harmless when it was forgotten already.
                workspace.users().forget(row.entry().environment(), row.entry().userId());
            }
        }
        return !there;
    }

    private static void addOnce(List<String> problems, String problem) {
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }

    // --- the file -------------------------------------------------------------------------------

    @FunctionalInterface
    private interface FileWork<T> {
        T run() throws IOException;
    }

    /** Runs under this process's lock for the file and a file lock that keeps other processes out. */
    private <T> T locked(FileWork<T> work) {
        ReentrantLock lock = LOCKS.computeIfAbsent(file, ignored -> new ReentrantLock());
        lock.lock();
        try {
            if (!Files.isDirectory(file.getParent())) {
                return work.run();
            }
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    ownerOnlyFile());
                    FileLock ignored = channel.lock()) {
                return work.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The audit spool " + file + " cannot be used: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void createFolder() throws IOException {
        Path folder = file.getParent();
        if (Files.isDirectory(folder)) {
            return;
        }
        Files.createDirectories(folder.getParent());
        try {
            if (DataFolder.supportsPosix()) {
                Files.createDirectory(folder, OWNER_ONLY_FOLDER);
            } else {
                Files.createDirectory(folder);
            }
        } catch (FileAlreadyExistsException madeMeanwhile) {
            // Another process made it the same way.
        }
    }

    private static int lastByte(FileChannel channel) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, channel.size() - 1);
        return last.get(0);
    }

    private FileChannel openForAppend() throws IOException {
        // Not APPEND (it cannot go with READ): the lock keeps every other writer out, so the end stays the end.
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE), ownerOnlyFile());
        channel.position(channel.size());
        return channel;
    }

    private static FileAttribute<?>[] ownerOnlyFile() {
        return DataFolder.supportsPosix() ? new FileAttribute<?>[] {OWNER_ONLY_FILE} : new FileAttribute<?>[0];
    }

    private List<String> readLines() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        // A line cut short by a crash mid-append has no newline; it is kept as it is (and reported if unreadable).
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
    }

    /** What is left replaces the file in one step (or the file goes, when nothing is left). */
    private void rewrite(List<String> keep) throws IOException {
        if (keep.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try (FileChannel channel = FileChannel.open(temporary,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnlyFile())) {
            ByteBuffer buffer = ByteBuffer.wrap((String.join("\n", keep) + "\n").getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    // --- one line -------------------------------------------------------------------------------

    private String toJson(Waiting waiting) {
        ObjectNode line = JSON.createObjectNode();
        line.put("format", FORMAT);
        line.put("workspace", workspaceKey);
        line.put("uid", waiting.stamp().uid().toString());
        line.put("at", waiting.stamp().at().toString());
        if (waiting instanceof Waiting.UserCreated created) {
            line.put("kind", "user-created");
            line.put("operator", created.operator());
            line.put("environment", created.environment().id());
            line.put("user_id", created.userId());
            line.put("label", created.details().label());
            line.put("note", created.details().note());
            line.put("external_id", created.details().externalId());
            token(line, created.token());
        } else if (waiting instanceof Waiting.TokenIssued issued) {
            line.put("kind", "token-issued");
            line.put("operator", issued.operator());
            line.put("environment", issued.environment().id());
            line.put("user_id", issued.userId());
            token(line, issued.token());
        } else if (waiting instanceof Waiting.Row row) {
            AuditEntry entry = row.entry();
            line.put("kind", "audit-row");
            line.put("operator", entry.operator());
            line.put("environment", entry.environment() == null ? null : entry.environment().id());
            line.put("action", entry.action().name());
            line.put("user_id", entry.userId());
            token(line, entry.token());
            line.put("outcome", entry.outcome().code());
            line.put("error", entry.error().orElse(null));
            line.put("detail", entry.detail());
            line.put("forget_user", row.forgetUser());
        }
        return line.toString();
    }

    private static void token(ObjectNode line, TokenFacts token) {
        line.put("token_jti", token == null ? null : token.jti());
        line.put("token_exp", token == null || token.expiresAt() == null ? null : token.expiresAt().toString());
    }

    /** One line back; {@link IllegalArgumentException} for one that is damaged or belongs to another workspace. */
    private Waiting fromJson(String text) {
        JsonNode line;
        try {
            line = JSON.readTree(text);
        } catch (JacksonException damaged) {
            throw new IllegalArgumentException("not JSON");
        }
        if (line == null || !line.isObject() || line.path("format").asInt() != FORMAT) {
            throw new IllegalArgumentException("not a spooled recording of this version");
        }
        if (!workspaceKey.equals(line.path("workspace").asText())) {
            throw new IllegalArgumentException("it belongs to the workspace " + line.path("workspace").asText());
        }
        try {
            AuditStamp stamp = new AuditStamp(UUID.fromString(line.path("uid").asText()), Instant.parse(line.path("at").asText()));
            String operator = text(line, "operator");
            Environment environment = text(line, "environment") == null ? null : Environment.fromId(text(line, "environment"))
                    .orElseThrow(() -> new IllegalArgumentException("unknown environment"));
            String userId = text(line, "user_id");
            TokenFacts token = text(line, "token_jti") == null && text(line, "token_exp") == null ? null
                    : TokenFacts.of(text(line, "token_jti"), text(line, "token_exp") == null ? null
                            : Instant.parse(text(line, "token_exp")));
            return switch (line.path("kind").asText()) {
                case "user-created" -> new Waiting.UserCreated(stamp, operator, environment, userId,
                        new UserDetails(text(line, "label"), text(line, "note"), text(line, "external_id")), token);
                case "token-issued" -> new Waiting.TokenIssued(stamp, operator, environment, userId, token);
                case "audit-row" -> {
                    AuditAction action = AuditAction.parse(text(line, "action"))
                            .orElseThrow(() -> new IllegalArgumentException("unknown action"));
                    Outcome outcome = "failed".equals(text(line, "outcome"))
                            ? new Outcome.Failed(String.valueOf(text(line, "error"))) : Outcome.OK;
                    yield new Waiting.Row(new AuditEntry(-1, stamp.at(), operator, environment, action, userId, token,
                            outcome, text(line, "detail"), stamp.uid()), line.path("forget_user").asBoolean());
                }
                default -> throw new IllegalArgumentException("unknown kind '" + line.path("kind").asText() + "'");
            };
        } catch (RuntimeException bad) {
            throw new IllegalArgumentException(bad.getMessage() == null ? bad.getClass().getSimpleName() : bad.getMessage());
        }
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String shortHash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
