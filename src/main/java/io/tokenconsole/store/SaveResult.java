package io.tokenconsole.store;

/**
 * The saved user as the workspace now holds it.
 *
 * @param added {@code true} if the id was new in its environment, {@code false} if an existing row was kept
 */
public record SaveResult(SavedUser user, boolean added) {
}
