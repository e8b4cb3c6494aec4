package io.spindle.master.cluster;

import io.spindle.core.concurrent.EventLoop;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.PriorityQueue;

/** An event loop the test runs by hand, on its own thread, with a clock that moves only when the test says. */
final class ManualEventLoop implements EventLoop {

    private record Timer(long dueMillis, long seq, Runnable task) { }

    private final Deque<Runnable> ready = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers =
            new PriorityQueue<>(Comparator.comparingLong(Timer::dueMillis).thenComparingLong(Timer::seq));
    private long now = 1_700_000_000_000L;
    private long seq;

    @Override
    public synchronized void execute(Runnable task) {
        ready.add(task);
    }

    @Override
    public synchronized void schedule(Runnable task, long delayMillis) {
        timers.add(new Timer(now + Math.max(0, delayMillis), seq++, task));
    }

    @Override
    public synchronized long currentTimeMillis() {
        return now;
    }

    /** Runs everything due now, including what that hands to the loop, until nothing is left. */
    void runUntilIdle() {
        while (true) {
            Runnable next;
            synchronized (this) {
                if (!timers.isEmpty() && timers.peek().dueMillis() <= now) {
                    ready.add(timers.poll().task());
                }
                next = ready.poll();
            }
            if (next == null) {
                return;
            }
            next.run();
        }
    }

    /** Moves the clock on, running each timer at its due time on the way. */
    void advance(long millis) {
        long target;
        synchronized (this) {
            target = now + millis;
        }
        runUntilIdle();
        while (true) {
            synchronized (this) {
                if (timers.isEmpty() || timers.peek().dueMillis() > target) {
                    now = target;
                    break;
                }
                now = timers.peek().dueMillis();
            }
            runUntilIdle();
        }
        runUntilIdle();
    }
}
