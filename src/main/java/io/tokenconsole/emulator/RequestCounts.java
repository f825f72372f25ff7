package io.tokenconsole.emulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests each route received, faulted or not. This is how a test proves that a
 * create-user call was sent exactly once, and how support sees what a client really sent.
 */
final class RequestCounts {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void record(String route) {
        counts.computeIfAbsent(route, ignored -> new LongAdder()).increment();
    }

    long count(String route) {
        LongAdder adder = counts.get(route);
        return adder == null ? 0 : adder.sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((route, adder) -> copy.put(route, adder.sum()));
        return copy;
    }

    void reset() {
        counts.clear();
    }
}
