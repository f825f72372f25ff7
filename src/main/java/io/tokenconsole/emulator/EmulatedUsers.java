package io.tokenconsole.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local sandbox's users, safe to use from many request threads at once. Listing is newest
 * first and pages with cursors that name a position, not an offset, so users created or deleted
 * while someone pages through do not shift or repeat entries.
 */
final class EmulatedUsers {

    /** Where a page starts: just older or just newer than a user's position. Opaque to clients. */
    record Cursor(boolean older, long position) {
        String encode() {
            String plain = (older ? "o:" : "n:") + position;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
        }

        static Optional<Cursor> decode(String text) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
                if (plain.length() < 3 || plain.charAt(1) != ':' || "on".indexOf(plain.charAt(0)) < 0) {
                    return Optional.empty();
                }
                return Optional.of(new Cursor(plain.charAt(0) == 'o', Long.parseLong(plain.substring(2))));
            } catch (IllegalArgumentException unreadable) {
                return Optional.empty();
            }
        }
    }

    record Page(List<EmulatedUser> users, Cursor next, Cursor previous) {
    }

    private final Map<String, EmulatedUser> byId = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, String> byPosition = new ConcurrentSkipListMap<>();
    private final AtomicLong positions = new AtomicLong();
    private final Clock clock;
    private final UsersFile file;

    /** Users in memory only: gone when the sandbox stops. */
    EmulatedUsers(Clock clock) {
        this(clock, null);
    }

    /** Users kept in {@code file} as well, and read again when another process changed it. */
    EmulatedUsers(Clock clock, UsersFile file) {
        this.clock = clock;
        this.file = file;
        if (file != null) {
            file.changeIfNewer(this::replaceAll);
        }
    }

    EmulatedUser create(Map<String, JsonNode> fields) {
        return change(() -> {
            long position = positions.incrementAndGet();
            EmulatedUser user = new EmulatedUser(UUID.randomUUID().toString(), position, clock.instant(),
                    null, null, null, null, null, null).with(fields);
            byId.put(user.id(), user);
            byPosition.put(position, user.id());
            return user;
        });
    }

    Optional<EmulatedUser> find(String id) {
        refresh();
        return Optional.ofNullable(byId.get(id));
    }

    Optional<EmulatedUser> update(String id, Map<String, JsonNode> fields) {
        return change(() -> Optional.ofNullable(byId.computeIfPresent(id, (key, user) -> user.with(fields))));
    }

    boolean delete(String id) {
        return change(() -> {
            EmulatedUser removed = byId.remove(id);
            if (removed == null) {
                return false;
            }
            byPosition.remove(removed.position());
            return true;
        });
    }

    int size() {
        refresh();
        return byId.size();
    }

    /** Runs a change; with a file, under its lock, on its latest content, and writes the result back. */
    private <T> T change(java.util.function.Supplier<T> change) {
        if (file == null) {
            return change.get();
        }
        synchronized (this) {
            return file.update(this::replaceAll, change, () -> List.copyOf(byPosition.values().stream()
                    .map(byId::get).filter(Objects::nonNull).toList()));
        }
    }

    private void refresh() {
        if (file != null) {
            synchronized (this) {
                file.changeIfNewer(this::replaceAll);
            }
        }
    }

    private void replaceAll(List<EmulatedUser> users) {
        byId.clear();
        byPosition.clear();
        long highest = 0;
        for (EmulatedUser user : users) {
            byId.put(user.id(), user);
            byPosition.put(user.position(), user.id());
            highest = Math.max(highest, user.position());
        }
        positions.set(highest);
    }

    /** Up to {@code limit} users from {@code cursor} (the newest when null), newest first. */
    Page list(int limit, Cursor cursor, String externalId) {
        refresh();
        List<EmulatedUser> users = new ArrayList<>();
        boolean newer = cursor != null && !cursor.older();
        NavigableMap<Long, String> source;
        if (cursor == null) {
            source = byPosition.descendingMap();
        } else if (cursor.older()) {
            source = byPosition.headMap(cursor.position(), false).descendingMap();
        } else {
            source = byPosition.tailMap(cursor.position(), false);
        }
        for (String id : source.values()) {
            if (users.size() == limit) {
                break;
            }
            EmulatedUser user = byId.get(id);
            if (user != null && matches(user, externalId)) {
                users.add(user);
            }
        }
        if (newer) {
            Collections.reverse(users);
        }
        if (users.isEmpty()) {
            return new Page(users, null, null);
        }
        EmulatedUser newest = users.get(0);
        EmulatedUser oldest = users.get(users.size() - 1);
        Cursor next = any(byPosition.headMap(oldest.position(), false).descendingMap(), externalId)
                ? new Cursor(true, oldest.position()) : null;
        Cursor previous = any(byPosition.tailMap(newest.position(), false), externalId)
                ? new Cursor(false, newest.position()) : null;
        return new Page(users, next, previous);
    }

    private boolean any(NavigableMap<Long, String> range, String externalId) {
        for (String id : range.values()) {
            EmulatedUser user = byId.get(id);
            if (user != null && matches(user, externalId)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(EmulatedUser user, String externalId) {
        return externalId == null || Objects.equals(externalId, user.externalId());
    }
}
