package io.tokenconsole.inspect;

import java.util.Locale;

/**
 * Which environment a token says it comes from, read from its {@code iss} claim. Argyle's own
 * issuers are {@code argyle-core-auth-prod} and {@code argyle-core-auth-dev}; the console's
 * local sandbox signs with {@link #LOCAL_ISSUER}.
 */
public enum TokenEnvironment {
    PRODUCTION("production", "Production"),
    SANDBOX("sandbox", "Sandbox"),
    LOCAL("local", "Local sandbox"),
    UNKNOWN("unknown", "Unknown");

    /** The issuer of tokens made by the console's local sandbox (the emulator). */
    public static final String LOCAL_ISSUER = "token-console-local-sandbox";
    public static final String PRODUCTION_ISSUER = "argyle-core-auth-prod";
    public static final String SANDBOX_ISSUER = "argyle-core-auth-dev";

    private final String id;
    private final String displayName;

    TokenEnvironment(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public static TokenEnvironment fromIssuer(String issuer) {
        if (issuer == null) {
            return UNKNOWN;
        }
        String iss = issuer.trim().toLowerCase(Locale.ROOT);
        if (iss.equals(LOCAL_ISSUER)) {
            return LOCAL;
        }
        if (!iss.startsWith("argyle")) {
            return UNKNOWN;
        }
        if (iss.endsWith("-prod") || iss.endsWith("-production")) {
            return PRODUCTION;
        }
        if (iss.endsWith("-dev") || iss.endsWith("-sandbox") || iss.contains("sandbox")) {
            return SANDBOX;
        }
        return UNKNOWN;
    }
}
