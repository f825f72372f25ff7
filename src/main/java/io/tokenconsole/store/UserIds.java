package io.tokenconsole.store;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Argyle user ids are UUIDs. The workspace keeps them in lower case, so an id pasted in capitals
 * finds the same saved user and a prefix search needs no case folding.
 */
final class UserIds {

    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private UserIds() {
    }

    /** The id in its stored form, or an exception whose message says what is wrong with it. */
    static String normalize(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A user id is required");
        }
        String candidate = id.strip().toLowerCase(Locale.ROOT);
        if (!UUID_SHAPE.matcher(candidate).matches()) {
            String shown = candidate.length() > 40 ? candidate.substring(0, 12) + "…" : candidate;
            throw new IllegalArgumentException("'" + shown + "' is not an Argyle user id"
                    + " (expected a UUID like 018051aa-f7a9-a0db-2f38-6cfa325e9d69)");
        }
        return candidate;
    }
}
