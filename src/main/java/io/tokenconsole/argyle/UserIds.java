package io.tokenconsole.argyle;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one check of an Argyle user id, for every front end and the workspace. Argyle user ids are
 * UUIDs; the console keeps them in lower case, so an id pasted in capitals finds the same saved
 * user and a prefix search needs no case folding. Checked before any call, so a typo never costs
 * a request (or, in production, a confirmation).
 */
public final class UserIds {

    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int LONGEST_SHOWN = 40;

    private UserIds() {
    }

    /** The id in its stored form, or an exception whose message says what is wrong with it. */
    public static String normalize(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A user id is required");
        }
        // Bounded before the pattern runs: a pasted log is not a user id, however long.
        String candidate = id.length() > 200 ? id.substring(0, 200) : id.strip().toLowerCase(Locale.ROOT);
        if (!UUID_SHAPE.matcher(candidate).matches()) {
            String shown = candidate.length() > LONGEST_SHOWN ? candidate.substring(0, 12) + "…" : candidate;
            throw new IllegalArgumentException("'" + shown + "' is not an Argyle user id"
                    + " (expected a UUID like 018051aa-f7a9-a0db-2f38-6cfa325e9d69)");
        }
        return candidate;
    }

    /** The id in its stored form when it is one; empty for anything else (junk is never kept). */
    public static Optional<String> parse(String id) {
        try {
            return Optional.of(normalize(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    public static boolean isUserId(String id) {
        return parse(id).isPresent();
    }
}
