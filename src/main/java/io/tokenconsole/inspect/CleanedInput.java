package io.tokenconsole.inspect;

import java.util.List;

/** The token candidate found in what was pasted, and what was done to find it. */
public record CleanedInput(String candidate, List<String> notes) {

    public CleanedInput {
        notes = List.copyOf(notes);
    }

    public boolean cleaned() {
        return !notes.isEmpty();
    }

    @Override
    public String toString() {
        // The candidate is usually a credential: never print it.
        return "CleanedInput[candidate=<" + candidate.length() + " chars>, notes=" + notes + "]";
    }
}
