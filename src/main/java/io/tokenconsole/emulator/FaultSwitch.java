package io.tokenconsole.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fault plan in force, changed at run time by the admin endpoint while requests are being
 * served. A plan and its "next N" counters are swapped together, so a request never sees half
 * of an old plan and half of a new one.
 */
final class FaultSwitch {

    private record Armed(FaultPlan plan, List<AtomicInteger> remaining) {
        static Armed of(FaultPlan plan) {
            return new Armed(plan, plan.rules().stream()
                    .map(rule -> new AtomicInteger(rule.next() == null ? 0 : rule.next()))
                    .toList());
        }
    }

    private final AtomicReference<Armed> armed;

    FaultSwitch(FaultPlan initial) {
        armed = new AtomicReference<>(Armed.of(initial));
    }

    void set(FaultPlan plan) {
        synchronized (this) {
            armed.set(Armed.of(plan));
            // Requests waiting out the old plan's latency re-check against the new one: clearing
            // the plan frees them at once.
            notifyAll();
        }
    }

    FaultPlan plan() {
        return armed.get().plan();
    }

    Duration latency() {
        return armed.get().plan().latency();
    }

    /**
     * Waits out the planned latency, measured from now against whichever plan is in force while
     * waiting; false when the emulator is stopping meanwhile.
     */
    boolean awaitLatency() {
        long start = System.nanoTime();
        synchronized (this) {
            while (true) {
                long leftMillis = latency().toMillis() - (System.nanoTime() - start) / 1_000_000;
                if (leftMillis <= 0) {
                    return true;
                }
                try {
                    wait(leftMillis);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    /** The fault this request on {@code route} gets, if any; a "next N" rule is used up by firing. */
    Optional<FaultRule> pick(String route) {
        Armed current = armed.get();
        List<FaultRule> rules = current.plan().rules();
        for (int i = 0; i < rules.size(); i++) {
            FaultRule rule = rules.get(i);
            if (rule.route() != null && !rule.route().equalsIgnoreCase(route)) {
                continue;
            }
            boolean fires;
            if (rule.next() != null) {
                fires = current.remaining().get(i).getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0;
            } else if (rule.share() != null) {
                fires = ThreadLocalRandom.current().nextDouble() < rule.share();
            } else {
                fires = true;
            }
            if (fires) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** The plan as JSON, each "next N" rule with how many of its requests are still to come. */
    ObjectNode describe() {
        Armed current = armed.get();
        ObjectNode json = current.plan().toJson();
        ArrayNode rules = (ArrayNode) json.get("rules");
        for (int i = 0; i < rules.size(); i++) {
            if (current.plan().rules().get(i).next() != null) {
                ((ObjectNode) rules.get(i)).put("remaining", current.remaining().get(i).get());
            }
        }
        return json;
    }
}
