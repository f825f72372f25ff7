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
    }

    public static Operator fromSystem() {
        String name = System.getProperty("user.name");
        return new Operator(name == null || name.isBlank() ? "unknown" : name);
    }
}
