package io.tokenconsole.argyle;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The three places the console can talk to. Saved users, credentials and settings belong to
 * exactly one of them; the local sandbox is the embedded emulator and needs no keys.
 */
public enum Environment {
    LOCAL("local", "Local sandbox", null, true),
    SANDBOX("sandbox", "Sandbox", URI.create("https://api-sandbox.argyle.com/v2"), true),
    PRODUCTION("production", "Production", URI.create("https://api.argyle.com/v2"), false);

    private final String id;
    private final String displayName;
    private final URI defaultBaseUrl;
    private final boolean linkSandboxFlag;

    Environment(String id, String displayName, URI defaultBaseUrl, boolean linkSandboxFlag) {
        this.id = id;
        this.displayName = displayName;
        this.defaultBaseUrl = defaultBaseUrl;
        this.linkSandboxFlag = linkSandboxFlag;
    }

    /** The stable identifier used on the command line, in files and in JSON. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** Argyle's base URL; empty for the local sandbox, whose URL is known only once the emulator runs. */
    public Optional<URI> defaultBaseUrl() {
        return Optional.ofNullable(defaultBaseUrl);
    }

    /** The value of {@code sandbox} in {@code Argyle.create({...})}. */
    public boolean linkSandboxFlag() {
        return linkSandboxFlag;
    }

    public boolean isProduction() {
        return this == PRODUCTION;
    }

    public static Optional<Environment> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (Environment environment : values()) {
            if (environment.id.equals(wanted)) {
                return Optional.of(environment);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return displayName;
    }
}
