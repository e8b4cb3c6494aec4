package io.spindle.master.cluster;

import io.spindle.core.concurrent.EventLoop;
import io.spindle.protocol.status.StatusDocument.Event;
import io.spindle.protocol.status.StatusDocument.EventKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The job's lifecycle events, one readable line each with its kind: logged, and kept (the newest {@link #CAPACITY})
 * for the status document, where {@code spindle run} follows them. Numbered from 1 in each master attempt. On the job
 * master's loop.
 */
final class EventJournal {

    private static final Logger LOG = LoggerFactory.getLogger(EventJournal.class);
    static final int CAPACITY = 1000;

    private final EventLoop loop;
    private final Deque<Event> events = new ArrayDeque<>();
    private long nextSeq = 1;

    EventJournal(EventLoop loop) {
        this.loop = loop;
    }

    void add(EventKind kind, String message) {
        LOG.info(message);
        events.addLast(new Event(nextSeq++, Instant.ofEpochMilli(loop.currentTimeMillis()), kind, message));
        if (events.size() > CAPACITY) {
            events.removeFirst();
        }
    }

    List<Event> events() {
        return List.copyOf(events);
    }
}
