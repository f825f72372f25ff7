package io.tokenconsole.emulator;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the local sandbox does wrong on purpose, so support can reproduce what a customer saw and
 * tests can prove the client copes. As JSON (flag {@code --faults}, admin endpoint
 * {@code /_emulator/faults}):
 *
 * <pre>{@code
 * {
 *   "latency_ms": 250,
 *   "rules": [
 *     {"fault": "rate_limited", "next": 2, "retry_after_seconds": 1},
 *     {"fault": "unavailable", "share": 0.1, "route": "POST /v2/users"}
 *   ]
 * }
 * }</pre>
 *
 * Latency delays every API request. Rules are tried in order; the first that fires answers the
 * request. Faults touch only the API under {@code /v2}, never the JWKS or the admin endpoints.
 */
public record FaultPlan(Duration latency, List<FaultRule> rules) {

    /** The longest planned delay: long enough for any timeout test, short enough that nothing hangs. */
    public static final Duration LONGEST_LATENCY = Duration.ofMinutes(1);
    /** More rules than anyone writes by hand; each request walks them all. */
    static final int MOST_RULES = 100;

    public static final FaultPlan NONE = new FaultPlan(Duration.ZERO, List.of());

    private static final Set<String> FIELDS = Set.of("latency_ms", "rules");

    public FaultPlan {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("\"latency_ms\" cannot be negative");
        }
        if (latency.compareTo(LONGEST_LATENCY) > 0) {
            throw new IllegalArgumentException("\"latency_ms\" is at most " + LONGEST_LATENCY.toMillis()
                    + " (one minute)");
        }
        if (rules.size() > MOST_RULES) {
            throw new IllegalArgumentException("a fault plan holds at most " + MOST_RULES + " rules");
        }
        rules = List.copyOf(rules);
    }

    public static FaultPlan of(FaultRule... rules) {
        return new FaultPlan(Duration.ZERO, List.of(rules));
    }

    public FaultPlan withLatency(Duration value) {
        return new FaultPlan(value, rules);
    }

    public FaultPlan withRule(FaultRule rule) {
        List<FaultRule> more = new ArrayList<>(rules);
        more.add(rule);
        return new FaultPlan(latency, more);
    }

    public boolean isQuiet() {
        return latency.isZero() && rules.isEmpty();
    }

    /** Reads the JSON form; an {@link IllegalArgumentException} says what is wrong in it. */
    public static FaultPlan parse(String text) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(text == null ? "" : text);
        } catch (JacksonException notJson) {
            // Where, not what: the text may be a file that was never meant to be shown (--faults @FILE).
            var where = notJson.getLocation();
            throw new IllegalArgumentException("the fault plan is not valid JSON"
                    + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
        }
        return fromJson(json);
    }

    static FaultPlan fromJson(JsonNode json) {
        if (json == null || json.isMissingNode() || json.isNull()) {
            return NONE;
        }
        if (!json.isObject()) {
            throw new IllegalArgumentException("a fault plan is a JSON object like {\"latency_ms\": 0, \"rules\": []}");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown fault plan field \"" + name + "\" (known: " + FIELDS + ")");
            }
        }
        long latencyMillis = 0;
        if (json.hasNonNull("latency_ms")) {
            JsonNode latency = json.get("latency_ms");
            if (!latency.canConvertToExactIntegral() || !latency.canConvertToLong()) {
                throw new IllegalArgumentException("\"latency_ms\" must be a whole number of milliseconds, at most "
                        + LONGEST_LATENCY.toMillis());
            }
            latencyMillis = latency.longValue();
        }
        List<FaultRule> rules = new ArrayList<>();
        JsonNode ruleList = json.get("rules");
        if (ruleList != null && !ruleList.isNull()) {
            if (!ruleList.isArray()) {
                throw new IllegalArgumentException("\"rules\" must be a list");
            }
            if (ruleList.size() > MOST_RULES) {
                throw new IllegalArgumentException("a fault plan holds at most " + MOST_RULES + " rules");
            }
            ruleList.forEach(rule -> rules.add(FaultRule.fromJson(rule)));
        }
        return new FaultPlan(Duration.ofMillis(latencyMillis), rules);
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("latency_ms", latency.toMillis());
        var list = json.putArray("rules");
        rules.forEach(rule -> list.add(rule.toJson()));
        return json;
    }
}
