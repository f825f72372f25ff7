package io.tokenconsole.inspect;

/** How a time claim ({@code iat}, {@code nbf}, {@code exp}) was read. */
public enum TimeReading {
    /** A number of seconds since the epoch, as RFC 7519 says. */
    SECONDS,
    /** A number too large for seconds: read as milliseconds, with a finding. */
    MILLISECONDS,
    /** A string holding a number: read as the number, with a finding. */
    NUMERIC_STRING,
    /** A string holding an ISO 8601 date: read as that date, with a finding. */
    ISO_STRING,
    /** Nothing that can be read as a time. */
    UNREADABLE
}
