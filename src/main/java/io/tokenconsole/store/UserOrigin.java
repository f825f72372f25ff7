package io.tokenconsole.store;

/** How a saved user came to be in the workspace. */
public enum UserOrigin {
    /** Created from this console ({@code POST /v2/users}). */
    CREATED_HERE,
    /** Read from a file a colleague shared. */
    IMPORTED,
    /** Listed from Argyle's API ({@code users list --remote}) and kept. */
    FETCHED_FROM_API
}
