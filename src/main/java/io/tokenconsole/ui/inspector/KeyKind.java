package io.tokenconsole.ui.inspector;

/** What the person offers to check a signature with. */
public enum KeyKind {
    PUBLIC_KEY("PEM public key or JWKS"),
    SHARED_SECRET("Shared secret (HS256)");

    private final String displayName;

    KeyKind(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
