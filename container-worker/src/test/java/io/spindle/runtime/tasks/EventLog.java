package io.spindle.runtime.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the parts of a running job did, in the order they did it, as lines of text ("out: write 1", "in (1/1): ack 2
 * inputEnded=true"); written from any thread. A test waits for a line with a deadline instead of sleeping.
 */
final class EventLog {

    /** Only ever the limit of a wait for something that should happen soon. */
    static final long TIMEOUT_SECONDS = 30;

    private final List<String> events = new ArrayList<>();

    synchronized void add(String event) {
        events.add(event);
        notifyAll();
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** The events that start with one of the prefixes, in order. */
    synchronized List<String> eventsOf(String... prefixes) {
        return events.stream().filter(event -> List.of(prefixes).stream().anyMatch(event::startsWith)).toList();
    }

    synchronized boolean contains(String event) {
        return events.contains(event);
    }

    synchronized long count(String event) {
        return events.stream().filter(event::equals).count();
    }

    /** Waits until the event happened. */
    void await(String event) throws InterruptedException {
        awaitMatch(event::equals, event);
    }

    synchronized void awaitMatch(Predicate<String> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (events.stream().noneMatch(condition)) {
            long left = deadline - System.nanoTime();
            assertThat(left).as("waiting for %s; so far:\n%s", what, String.join("\n", events)).isPositive();
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
