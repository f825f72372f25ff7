package io.tokenconsole.inspect;

/**
 * The three base64url parts of a compact JWS, as they were pasted (after clean-up). The UI
 * colours them; the signature check needs them byte for byte.
 */
public record TokenSegments(String header, String payload, String signature) {

    public String compact() {
        return header + "." + payload + "." + signature;
    }

    public String signingInput() {
        return header + "." + payload;
    }

    @Override
    public String toString() {
        // The segments together are the credential: never print them.
        return "TokenSegments[" + header.length() + "." + payload.length() + "." + signature.length() + " chars]";
    }
}
