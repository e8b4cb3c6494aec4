package io.spindle.master.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The job's lifecycle events, one readable line each: logged, and kept (the newest {@link #CAPACITY}) for the
 * status document, where {@code spindle run} follows them. Numbered from 1 in each master attempt.
 */
final class EventJournal {

    private static final Logger LOG = LoggerFactory.getLogger(EventJournal.class);
    static final int CAPACITY = 1000;

    private final LongSupplier clock;
    private final Deque<Map<String, Object>> events = new ArrayDeque<>();
    private long nextSeq = 1;

    EventJournal(LongSupplier clock) {
        this.clock = clock;
    }

    synchronized void add(String message) {
        LOG.info(message);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("seq", nextSeq++);
        event.put("time_ms", clock.getAsLong());
        event.put("message", message);
        events.addLast(event);
        if (events.size() > CAPACITY) {
            events.removeFirst();
        }
    }

    synchronized List<Map<String, Object>> events() {
        return new ArrayList<>(events);
    }
}
