package io.tokenconsole.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tokenconsole.argyle.Environment;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One Link initialisation served by the {@link LinkHost}: its page at an unguessable address, the
 * user it is for, the token it currently holds and the timeline of what Link reported. Made by
 * {@link LinkHost#open}; ends with {@link #close()}, after the host's idle time, or with the host.
 * Thread-safe.
 */
public final class LinkSession {

    private final LinkHost host;
    private final String id;
    private final String nonce;
    private final Environment environment;
    private final String userId;
    private final LinkOptions options;
    private final URI pageAddress;
    private final List<LinkEvent> timeline = new ArrayList<>();
    private final List<LinkListener> listeners = new CopyOnWriteArrayList<>();
    /** Every token the session has held, so none can leak through a payload the page reports. */
    private final Set<String> tokensSeen = new HashSet<>();
    /** Tokens "Expire this token now" was used on (local sandbox only). */
    private final Set<String> expiredByConsole = new HashSet<>();
    private String currentToken;
    private volatile Instant lastSeen;
    private boolean ended;

    LinkSession(LinkHost host, String id, String nonce, Environment environment, String userId, String userToken,
                LinkOptions options, URI pageAddress, Instant openedAt) {
        this.host = host;
        this.id = id;
        this.nonce = nonce;
        this.environment = environment;
        this.userId = userId;
        this.options = options;
        this.pageAddress = pageAddress;
        this.currentToken = userToken;
        this.tokensSeen.add(userToken);
        this.lastSeen = openedAt;
    }

    public Environment environment() {
        return environment;
    }

    public String userId() {
        return userId;
    }

    public LinkOptions options() {
        return options;
    }

    /** The page's address on this computer, e.g. {@code http://127.0.0.1:40123/s/…/}; it holds the session's secret path. */
    public URI pageAddress() {
        return pageAddress;
    }

    public synchronized boolean isOpen() {
        return !ended;
    }

    /** The timeline so far, oldest first. */
    public synchronized List<LinkEvent> events() {
        return List.copyOf(timeline);
    }

    /**
     * Adds a listener and hands it, first, every event so far — so nothing is missed between
     * opening a session and subscribing to it. Then each new event as it arrives.
     */
    public synchronized void subscribe(LinkListener listener) {
        Objects.requireNonNull(listener, "listener");
        for (LinkEvent past : timeline) {
            deliver(listener, past);
        }
        listeners.add(listener);
    }

    public void unsubscribe(LinkListener listener) {
        listeners.remove(listener);
    }

    /** Only the local sandbox's stand-in asks the console about tokens, so only there can the console expire one. */
    public boolean canExpireToken() {
        return environment == Environment.LOCAL;
    }

    /**
     * "Expire this token now": from now on the stand-in finds the session's current token expired
     * at its next step, reports {@code onTokenExpired}, and carries on only with a new token.
     *
     * @throws IllegalStateException for Argyle's sandbox or production, whose tokens only Argyle judges
     */
    public void expireTokenNow() {
        if (!canExpireToken()) {
            throw new IllegalStateException("Only a local sandbox session's token can be expired from the console:"
                    + " Argyle decides when its own tokens expire.");
        }
        synchronized (this) {
            if (ended) {
                return;
            }
            expiredByConsole.add(currentToken);
        }
        record(LinkEvent.console(host.now(), LinkEvent.TOKEN_EXPIRED_BY_CONSOLE,
                JsonNodeFactory.instance.objectNode().put("userId", userId)));
    }

    /** Ends the session: its page and endpoints answer 404 from now on. */
    public void close() {
        host.end(this, "closed");
    }

    // ---- for the host ----------------------------------------------------------------------------

    String id() {
        return id;
    }

    boolean nonceMatches(String candidate) {
        return candidate != null && MessageDigest.isEqual(
                nonce.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    String nonce() {
        return nonce;
    }

    synchronized String currentToken() {
        return currentToken;
    }

    synchronized void tokenReplaced(String fresh) {
        currentToken = fresh;
        tokensSeen.add(fresh);
    }

    synchronized boolean expiredByConsole(String token) {
        return expiredByConsole.contains(token);
    }

    void touch(Instant now) {
        lastSeen = now;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    /** Replaces any token this session held, wherever it hides in a payload from the page. */
    synchronized JsonNode withoutTokens(JsonNode payload, com.fasterxml.jackson.databind.ObjectMapper json) {
        String text = payload.toString();
        boolean found = false;
        for (String token : tokensSeen) {
            if (text.contains(token)) {
                text = text.replace(token, "(token removed)");
                found = true;
            }
        }
        if (!found) {
            return payload;
        }
        try {
            return json.readTree(text);
        } catch (java.io.IOException impossible) {
            return JsonNodeFactory.instance.textNode("(payload removed: it held a token)");
        }
    }

    /** Adds an event to the timeline and hands it to every listener, in order, one event at a time. */
    synchronized void record(LinkEvent event) {
        if (ended) {
            return;
        }
        timeline.add(event);
        for (LinkListener listener : listeners) {
            deliver(listener, event);
        }
        if (LinkEvent.SESSION_ENDED.equals(event.name())) {
            ended = true;
        }
    }

    private void deliver(LinkListener listener, LinkEvent event) {
        try {
            listener.onEvent(this, event);
        } catch (RuntimeException failedListener) {
            // One broken listener must not stop the others or the page; the event holds no token to leak.
            System.getLogger(LinkSession.class.getName()).log(System.Logger.Level.WARNING,
                    "A Link listener failed on " + event.name() + ": " + failedListener.getClass().getName());
        }
    }

    @Override
    public String toString() {
        return "LinkSession[" + environment.id() + ", user " + userId + ", " + (isOpen() ? "open" : "ended") + "]";
    }
}
