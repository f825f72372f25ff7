package io.tokenconsole.store;

import java.util.Objects;

/** Who is at the keyboard, as the audit log names them: the operating system's user name. */
public record Operator(String name) {

    public Operator {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("An operator needs a name");
        }
        name = name.strip();
        // A name typed in Settings → Workspace or given with --operator goes into every audit row.
        if (name.length() > Text.MAX_LABEL) {
            throw new IllegalArgumentException("A name for the audit log is at most " + Text.MAX_LABEL
                    + " characters; this one has " + name.length() + ".");
        }
    }

    public static Operator fromSystem() {
        String name = System.getProperty("user.name");
        return new Operator(name == null || name.isBlank() ? "unknown" : name);
    }
}
