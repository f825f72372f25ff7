package io.tokenconsole.inspect;

import java.util.List;
import java.util.Objects;

/**
 * An input that holds no decodable token: a stable code, a message for people, and what the
 * clean-up did before it gave up (so the person sees what was tried).
 */
public record InspectionError(ErrorCode code, String message, List<String> cleanupNotes) {

    public InspectionError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        cleanupNotes = List.copyOf(cleanupNotes);
    }

    static InspectionError of(ErrorCode code, String message) {
        return new InspectionError(code, message, List.of());
    }

    InspectionError withNotes(List<String> notes) {
        return new InspectionError(code, message, notes);
    }
}
