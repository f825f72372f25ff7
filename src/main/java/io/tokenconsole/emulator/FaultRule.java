package io.tokenconsole.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;

/**
 * One line of a fault plan: which fault, how often ({@code share} of requests, or the {@code next}
 * N requests), optionally only on one route ({@code "POST /v2/user-tokens"}), and for 429/503 the
 * {@code Retry-After} to send. With neither {@code share} nor {@code next}, every request gets it.
 */
public record FaultRule(Fault fault, Double share, Integer next, Integer retryAfterSeconds, String route) {

    /** {@code remaining} is what GET shows for a "next N" rule; it is accepted and ignored so a plan can be sent back. */
    private static final Set<String> FIELDS =
            Set.of("fault", "share", "next", "retry_after_seconds", "route", "remaining");

    public FaultRule {
        Objects.requireNonNull(fault, "fault");
        if (share != null && next != null) {
            throw new IllegalArgumentException("a fault rule takes either \"share\" or \"next\", not both");
        }
        if (share != null && !(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("\"share\" is a fraction of requests: more than 0, at most 1");
        }
        if (next != null && next < 1) {
            throw new IllegalArgumentException("\"next\" counts requests: at least 1");
        }
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            throw new IllegalArgumentException("\"retry_after_seconds\" cannot be negative");
        }
        if (route != null) {
            if (route.isBlank()) {
                throw new IllegalArgumentException("\"route\" is empty: leave it out to fault every route");
            }
            String known = ApiRoute.knownName(route);
            if (known == null) {
                throw new IllegalArgumentException("unknown route \"" + shortened(route) + "\" (known: "
                        + String.join(", ", ApiRoute.KNOWN) + ")");
            }
            route = known;
        }
    }

    private static String shortened(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /** The next {@code count} requests (on any route) get {@code fault}. */
    public static FaultRule nextRequests(Fault fault, int count) {
        return new FaultRule(fault, null, count, fault == Fault.RATE_LIMITED ? 1 : null, null);
    }

    /** A share of requests (0 to 1) gets {@code fault}. */
    public static FaultRule shareOfRequests(Fault fault, double share) {
        return new FaultRule(fault, share, null, fault == Fault.RATE_LIMITED ? 1 : null, null);
    }

    public FaultRule withRetryAfterSeconds(int seconds) {
        return new FaultRule(fault, share, next, seconds, route);
    }

    public FaultRule onRoute(String value) {
        return new FaultRule(fault, share, next, retryAfterSeconds, value);
    }

    static FaultRule fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("each rule is a JSON object like {\"fault\": \"unavailable\", \"next\": 1}");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown rule field \"" + name + "\" (known: " + FIELDS + ")");
            }
        }
        String id = json.path("fault").asText(null);
        Fault fault = Fault.fromId(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown fault \"" + id + "\" (known: " + Fault.allIds() + ")"));
        Double share = json.hasNonNull("share") ? number(json, "share").doubleValue() : null;
        Integer next = json.hasNonNull("next") ? Integer.valueOf(wholeNumber(json, "next")) : null;
        Integer retryAfter = json.hasNonNull("retry_after_seconds") ? Integer.valueOf(wholeNumber(json, "retry_after_seconds"))
                : fault == Fault.RATE_LIMITED ? Integer.valueOf(1) : null;
        if (json.has("route") && !json.get("route").isNull() && !json.get("route").isTextual()) {
            throw new IllegalArgumentException("\"route\" is text such as \"POST /v2/users\"");
        }
        String route = json.hasNonNull("route") ? json.get("route").asText() : null;
        return new FaultRule(fault, share, next, retryAfter, route);
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("fault", fault.id());
        if (share != null) {
            json.put("share", share);
        }
        if (next != null) {
            json.put("next", next);
        }
        if (retryAfterSeconds != null) {
            json.put("retry_after_seconds", retryAfterSeconds);
        }
        if (route != null) {
            json.put("route", route);
        }
        return json;
    }

    private static Number number(JsonNode json, String field) {
        if (!json.get(field).isNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a number");
        }
        return json.get(field).numberValue();
    }

    private static int wholeNumber(JsonNode json, String field) {
        if (!json.get(field).canConvertToExactIntegral() || !json.get(field).canConvertToInt()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a whole number");
        }
        return json.get(field).intValue();
    }
}
