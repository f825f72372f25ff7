package io.tokenconsole.inspect;

/** The stable codes of findings, each with the severity it is reported at. */
public enum FindingCode {
    ALG_NONE(Severity.ERROR),
    SIGNATURE_INVALID(Severity.ERROR),
    SUB_USER_ID_MISMATCH(Severity.ERROR),
    EXPIRED(Severity.WARNING),
    NOT_YET_VALID(Severity.WARNING),
    NO_EXPIRY(Severity.WARNING),
    ISSUED_IN_FUTURE(Severity.WARNING),
    LIFETIME_UNEXPECTED(Severity.WARNING),
    MISSING_CLAIM(Severity.WARNING),
    ENVIRONMENT_MISMATCH(Severity.WARNING),
    CLIENT_MISMATCH(Severity.WARNING),
    TIME_CLAIM_NOT_NUMERIC(Severity.WARNING),
    TIME_CLAIM_IN_MILLISECONDS(Severity.WARNING),
    UNSIGNED(Severity.WARNING),
    UNKNOWN_ISSUER(Severity.INFO),
    INVALID_UTF8(Severity.INFO),
    JTI_NOT_UUID(Severity.INFO),
    UNKNOWN_CLAIM(Severity.INFO);

    private final Severity severity;

    FindingCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
