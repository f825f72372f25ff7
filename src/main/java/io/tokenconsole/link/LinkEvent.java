package io.tokenconsole.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of a Link session's timeline: a callback Link fired in the page, something the page
 * itself saw (the Link script did not load), or something the console did for the session (a fresh
 * token issued, the session ended). Payloads never hold a token: the host removes any token of the
 * session before an event is made.
 *
 * @param receivedAt when the console received or did it (the console's clock)
 * @param pageTime when the page says the callback fired (the browser's clock), if it said
 * @param source who reported it
 * @param name the callback's name ({@code onAccountConnected}) or the console's word for what happened
 * @param payload what the callback received, as JSON ({@code null} node when nothing)
 */
public record LinkEvent(Instant receivedAt, Optional<Instant> pageTime, Source source, String name, JsonNode payload) {

    /** The callbacks Link 5 offers; the page wires every one of them. */
    public static final Set<String> CALLBACKS = Set.of("onAccountCreated", "onAccountConnected", "onAccountError",
            "onAccountRemoved", "onError", "onTokenExpired", "onClose", "onUIEvent", "onCantFindItemClicked");
    /** What the page reports of its own: Argyle's script did not load (offline, a proxy). */
    public static final String SCRIPT_LOAD_FAILED = "scriptLoadFailed";
    /** The console issued a fresh token on {@code onTokenExpired} (the payload names the user, never the token). */
    public static final String FRESH_TOKEN_ISSUED = "freshTokenIssued";
    /** The console could not issue a fresh token; the payload says why. */
    public static final String FRESH_TOKEN_FAILED = "freshTokenFailed";
    /** "Expire this token now" was used on a local-sandbox session. */
    public static final String TOKEN_EXPIRED_BY_CONSOLE = "tokenExpiredByConsole";
    /** The session is over (closed, idle, or the host stopped); the payload has the reason. No events follow. */
    public static final String SESSION_ENDED = "sessionEnded";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    public enum Source {
        /** A Link callback, reported by the page. */
        LINK,
        /** The page's own report. */
        PAGE,
        /** The console's own action for the session. */
        CONSOLE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public LinkEvent {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(pageTime, "pageTime");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        payload = payload == null ? NullNode.getInstance() : payload;
    }

    static LinkEvent console(Instant at, String name, JsonNode payload) {
        return new LinkEvent(at, Optional.empty(), Source.CONSOLE, name, payload);
    }

    public boolean isCallback() {
        return source == Source.LINK;
    }

    /** The payload's field as text, e.g. {@code userId} or {@code errorType}; empty when absent. */
    public Optional<String> payloadText(String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? Optional.empty() : Optional.of(value.asText());
    }

    /** One line for a terminal or a log view: {@code 10:00:01.250 UTC  onAccountConnected  {"accountId":…}}. */
    public String toLine() {
        String when = CLOCK.format(receivedAt) + " UTC";
        return payload.isNull() ? when + "  " + name : when + "  " + name + "  " + payload;
    }

    /** One JSON object, as {@code token-console link --json} prints it. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("event", name);
        json.put("source", source.id());
        json.put("received_at", receivedAt.toString());
        pageTime.ifPresent(time -> json.put("page_time", time.toString()));
        json.set("payload", payload);
        return json;
    }
}
