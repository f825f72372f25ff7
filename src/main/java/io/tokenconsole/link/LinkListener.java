package io.tokenconsole.link;

/**
 * Receives a session's events as they happen. Called on one of the host's threads, never the UI
 * thread, one event at a time and in order for a session; a window hands each event over to its
 * UI thread. A listener should return quickly: the page waits for the answer to its report.
 */
@FunctionalInterface
public interface LinkListener {

    void onEvent(LinkSession session, LinkEvent event);
}
