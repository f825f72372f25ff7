package io.tokenconsole.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Two tokens side by side, claim by claim (the customer's next to a fresh one): what differs, and for
 * times by how much. Besides the claims it compares what the console reads from them: the algorithm,
 * the environment of the issuer and the lifetime.
 */
public record TokenComparison(List<Row> rows) {

    public enum Change { SAME, CHANGED, ONLY_FIRST, ONLY_SECOND }

    /** One compared item; {@code note} says how it changed ("2 h later"), empty when it did not. */
    public record Row(String name, String first, String second, Change change, String note) {
        public boolean differs() {
            return change != Change.SAME;
        }
    }

    public TokenComparison {
        rows = List.copyOf(rows);
    }

    public static TokenComparison of(TokenReport first, TokenReport second) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("alg (header)", Optional.of(first.algorithm()), Optional.of(second.algorithm()), ""));
        rows.add(row("environment", Optional.of(first.environment().displayName()),
                Optional.of(second.environment().displayName()), ""));
        Set<String> names = new LinkedHashSet<>();
        first.claims().properties().forEach(claim -> names.add(claim.getKey()));
        second.claims().properties().forEach(claim -> names.add(claim.getKey()));
        for (String name : names) {
            Optional<TimeClaim> firstTime = first.timeClaim(name);
            Optional<TimeClaim> secondTime = second.timeClaim(name);
            if (firstTime.isPresent() || secondTime.isPresent()) {
                rows.add(row(name, firstTime.map(TokenComparison::moment), secondTime.map(TokenComparison::moment),
                        shift(firstTime.flatMap(TimeClaim::instant), secondTime.flatMap(TimeClaim::instant))));
            } else {
                rows.add(row(name, text(first.claims().get(name)), text(second.claims().get(name)), ""));
            }
        }
        rows.add(row("lifetime (iat to exp)", first.lifetime().map(RelativeTime::lifetime),
                second.lifetime().map(RelativeTime::lifetime), ""));
        // What differs comes first, so a short table shows it without scrolling; the rest keeps its order.
        rows.sort(java.util.Comparator.comparing(row -> !row.differs()));
        return new TokenComparison(rows);
    }

    public long differences() {
        return rows.stream().filter(Row::differs).count();
    }

    private static Row row(String name, Optional<String> first, Optional<String> second, String timeNote) {
        Change change;
        String note;
        if (first.isPresent() && second.isEmpty()) {
            change = Change.ONLY_FIRST;
            note = "only in the first token";
        } else if (first.isEmpty() && second.isPresent()) {
            change = Change.ONLY_SECOND;
            note = "only in the second token";
        } else if (first.equals(second)) {
            change = Change.SAME;
            note = "";
        } else {
            change = Change.CHANGED;
            note = timeNote.isEmpty() ? "differs" : timeNote;
        }
        return new Row(name, first.orElse("—"), second.orElse("—"), change, note);
    }

    private static String moment(TimeClaim time) {
        return time.instant().map(TimeFormats::utc).orElse("unreadable: " + time.rawValue());
    }

    private static String shift(Optional<Instant> first, Optional<Instant> second) {
        if (first.isEmpty() || second.isEmpty()) {
            return "";
        }
        Duration distance = Duration.between(first.get(), second.get());
        if (distance.isZero()) {
            return "";
        }
        return "second is " + RelativeTime.amount(distance) + (distance.isNegative() ? " earlier" : " later");
    }

    private static Optional<String> text(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(value.isTextual() ? value.asText() : value.toString());
    }

    /** For tests and logs: names and changes, never the values (a value may be a credential). */
    @Override
    public String toString() {
        return "TokenComparison" + rows.stream().map(r -> Map.entry(r.name(), r.change())).toList();
    }
}
