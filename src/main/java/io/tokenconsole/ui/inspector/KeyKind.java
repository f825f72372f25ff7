package io.tokenconsole.ui.inspector;

/** What the person offers to check a signature with; a shared secret is written as text or as base64url, as on jwt.io. */
public enum KeyKind {
    PUBLIC_KEY("PEM public key or JWKS"),
    SECRET_UTF8("Shared secret (UTF-8)"),
    SECRET_BASE64URL("Shared secret (base64url)");

    private final String displayName;

    KeyKind(String displayName) {
        this.displayName = displayName;
    }

    public boolean secret() {
        return this != PUBLIC_KEY;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
