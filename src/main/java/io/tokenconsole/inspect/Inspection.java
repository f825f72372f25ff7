package io.tokenconsole.inspect;

/** The outcome of inspecting one input: a decoded token, or a classified reason why there is none. */
public sealed interface Inspection {

    record Decoded(TokenReport report) implements Inspection {
    }

    record Failed(InspectionError error) implements Inspection {
    }
}
