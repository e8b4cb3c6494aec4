package io.spindle.runtime.operators;

import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/** Processing-time timers of one keyed operator: at most one per (key, time), fired in time order. */
final class ProcessingTimeTimers {

    record Timer(long time, Object key) { }

    private final PriorityQueue<Timer> queue = new PriorityQueue<>((a, b) -> Long.compare(a.time(), b.time()));
    private final Set<Timer> registered = new HashSet<>();

    void register(Object key, long time) {
        Timer timer = new Timer(time, key);
        if (registered.add(timer)) {
            queue.add(timer);
        }
    }

    void delete(Object key, long time) {
        Timer timer = new Timer(time, key);
        if (registered.remove(timer)) {
            queue.remove(timer);
        }
    }

    /** The earliest timer due at {@code now}, removed; null if none is due. */
    Timer pollDue(long now) {
        Timer head = queue.peek();
        if (head == null || head.time() > now) {
            return null;
        }
        queue.poll();
        registered.remove(head);
        return head;
    }

    long nextTime() {
        Timer head = queue.peek();
        return head == null ? Long.MAX_VALUE : head.time();
    }
}
