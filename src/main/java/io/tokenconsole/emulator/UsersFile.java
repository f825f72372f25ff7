package io.tokenconsole.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The file a local sandbox keeps its users in, so that what was created stays: across restarts of
 * the window, and between the window's sandbox and the one a command starts for itself. Every
 * change happens under a lock (in this process and, through a lock file, across processes) on the
 * file's latest content and is written back whole through a temporary file and an atomic move, so
 * a reader never sees half a file. A reader notices another process's change by the file's time
 * and size and reads it again.
 *
 * <p>It holds what the API was given about each user (ids, names, external ids) — never a token or
 * a key. A file that cannot be read is moved aside (its name says so) and the sandbox starts empty
 * rather than not at all.
 */
final class UsersFile {

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final int FORMAT = 1;

    private final Path file;
    private final Path lockFile;
    private final ReentrantLock processLock;
    private final ObjectMapper json = new ObjectMapper();
    private FileTime seenModified;
    private long seenSize = -1;

    UsersFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
        this.processLock = IN_PROCESS.computeIfAbsent(this.file, path -> new ReentrantLock());
        try {
            Files.createDirectories(this.file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder of " + this.file + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return file;
    }

    /** Hands the file's users to {@code replace} when the file changed since it was last read. */
    void changeIfNewer(Consumer<List<EmulatedUser>> replace) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException none) {
            return;
        } catch (IOException unreadable) {
            return; // keep what is in memory; the next change reports the problem
        }
        if (attributes.lastModifiedTime().equals(seenModified) && attributes.size() == seenSize) {
            return;
        }
        replace.accept(read(attributes));
    }

    /**
     * Applies {@code change} to the latest users (read again under the lock) and writes them back.
     * {@code current} gives the users after the change, oldest first.
     */
    <T> T update(Consumer<List<EmulatedUser>> replace, Supplier<T> change, Supplier<List<EmulatedUser>> current) {
        processLock.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            seenSize = -1; // under the lock, always start from what is on disk
            changeIfNewer(replace);
            T result = change.get();
            write(current.get());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("The local sandbox could not keep its users in " + file + ": "
                    + e.getMessage(), e);
        } finally {
            processLock.unlock();
        }
    }

    private List<EmulatedUser> read(BasicFileAttributes attributes) {
        List<EmulatedUser> users = new ArrayList<>();
        try {
            JsonNode root = json.readTree(Files.readAllBytes(file));
            if (root == null || !root.path("users").isArray()) {
                throw new IOException("no \"users\" list");
            }
            for (JsonNode node : root.get("users")) {
                users.add(fromJson(node));
            }
        } catch (IOException | RuntimeException unreadable) {
            moveAside();
            users.clear();
        }
        seenModified = attributes.lastModifiedTime();
        seenSize = attributes.size();
        return users;
    }

    private void moveAside() {
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".unreadable-" + System.currentTimeMillis()));
        } catch (IOException ignored) {
            // Left where it is: the next write replaces it.
        }
    }

    private void write(List<EmulatedUser> users) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode list = root.putArray("users");
        for (EmulatedUser user : users) {
            list.add(toJson(user));
        }
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.write(temporary, json.writeValueAsBytes(root));
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        BasicFileAttributes written = Files.readAttributes(file, BasicFileAttributes.class);
        seenModified = written.lastModifiedTime();
        seenSize = written.size();
    }

    private ObjectNode toJson(EmulatedUser user) {
        ObjectNode node = json.createObjectNode();
        node.put("id", user.id());
        node.put("position", user.position());
        node.put("created_at", user.createdAt().toString());
        node.put("external_id", user.externalId());
        node.set("external_metadata", user.externalMetadata());
        node.put("first_name", user.firstName());
        node.put("last_name", user.lastName());
        node.put("email", user.email());
        node.put("phone_number", user.phoneNumber());
        return node;
    }

    private static EmulatedUser fromJson(JsonNode node) {
        JsonNode metadata = node.get("external_metadata");
        return new EmulatedUser(
                required(node, "id"),
                node.path("position").asLong(),
                Instant.parse(required(node, "created_at")),
                optional(node, "external_id"),
                metadata == null || metadata.isNull() ? null : metadata,
                optional(node, "first_name"),
                optional(node, "last_name"),
                optional(node, "email"),
                optional(node, "phone_number"));
    }

    private static String required(JsonNode node, String field) {
        String value = optional(node, field);
        if (value == null) {
            throw new IllegalArgumentException("a user without " + field);
        }
        return value;
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
