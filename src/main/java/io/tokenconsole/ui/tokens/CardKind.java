package io.tokenconsole.ui.tokens;

/** What the token card shows. */
public enum CardKind {
    /** No card: nothing issued yet, or the card was closed. */
    NONE,
    /** A fresh token, its times and what to do with it. */
    ISSUED,
    /** The call failed: what happened and what to do next. */
    FAILED,
    /** The person said no to the question: nothing was sent. */
    CANCELLED
}
