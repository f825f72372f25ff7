package io.tokenconsole.store;

/**
 * The database was written by a newer Token Console. Opening it with this version could lose what
 * the newer one stored, so it is refused and left exactly as it was.
 */
public final class NewerWorkspaceException extends WorkspaceException {

    private final int foundVersion;
    private final int knownVersion;

    public NewerWorkspaceException(int foundVersion, int knownVersion) {
        this(foundVersion, knownVersion, "Update Token Console or point --data-dir elsewhere.");
    }

    /** @param whatToDo the last sentence: what the person can do about it */
    public NewerWorkspaceException(int foundVersion, int knownVersion, String whatToDo) {
        super("This workspace was written by a newer Token Console (schema " + foundVersion
                + "; this version knows " + knownVersion + "). " + whatToDo);
        this.foundVersion = foundVersion;
        this.knownVersion = knownVersion;
    }

    public int foundVersion() {
        return foundVersion;
    }

    public int knownVersion() {
        return knownVersion;
    }
}
