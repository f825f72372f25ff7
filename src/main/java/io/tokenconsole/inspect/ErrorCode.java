package io.tokenconsole.inspect;

/** Why an input held no decodable token. The names are a stable contract (see DESIGN.md). */
public enum ErrorCode {
    EMPTY,
    NOT_A_JWT,
    BAD_BASE64,
    BAD_JSON,
    ENCRYPTED_JWE,
    TOO_LARGE
}
