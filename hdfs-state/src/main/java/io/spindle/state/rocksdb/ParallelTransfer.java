package io.spindle.state.rocksdb;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the file transfers of one snapshot upload or one restore on a few threads of its own, created here
 * and stopped by {@link #close()}. {@link #runAll} returns or throws only once none of its transfers runs any
 * more, so the caller may then clean up what they wrote without racing them.
 */
final class ParallelTransfer implements AutoCloseable {

    /** How long a close waits for interrupted transfers that do not stop; they then end on their own. */
    private static final long STOP_WAIT_SECONDS = 60;

    private final ExecutorService executor;
    private final List<Future<?>> futures = new ArrayList<>();
    private volatile boolean cancelled;

    /** @param threads at most; no more threads are started than there are transfers */
    ParallelTransfer(String threadName, int threads) {
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, threadName + "-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    /**
     * Runs every action and returns their results in order. On the first failure, or on {@link #cancel()}, the
     * other actions are interrupted (or never start) and this throws that failure, a
     * {@link CancellationException} if cancelled, or an {@link InterruptedIOException} if the calling thread
     * was interrupted, in each case after every started action has ended.
     */
    <T> List<T> runAll(List<Callable<T>> actions) throws IOException {
        CompletionService<T> completion = new ExecutorCompletionService<>(executor);
        List<Future<T>> submitted = new ArrayList<>(actions.size());
        // The first failure, as the action threw it; queued actions see it and do not start.
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        synchronized (this) {
            if (cancelled) {
                throw new CancellationException("the transfer was cancelled");
            }
            for (Callable<T> action : actions) {
                Future<T> future = completion.submit(() -> {
                    if (cancelled || firstFailure.get() != null) {
                        throw new CancellationException("not started: another transfer failed or all were cancelled");
                    }
                    try {
                        return action.call();
                    } catch (Exception | Error e) {
                        firstFailure.compareAndSet(null, e);
                        throw e;
                    }
                });
                submitted.add(future);
                futures.add(future);
            }
        }
        Throwable failure = null;
        try {
            for (int i = 0; i < submitted.size() && failure == null; i++) {
                try {
                    completion.take().get();
                } catch (ExecutionException e) {
                    failure = e.getCause();
                } catch (CancellationException e) {
                    failure = e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new InterruptedIOException("interrupted while waiting for file transfers");
        }
        if (failure == null) {
            List<T> results = new ArrayList<>(submitted.size());
            for (Future<T> future : submitted) {
                results.add(doneResult(future));
            }
            return results;
        }
        stop();
        if (firstFailure.get() != null && !(failure instanceof InterruptedIOException)) {
            failure = firstFailure.get();
        }
        synchronized (this) {
            if (cancelled && !(failure instanceof CancellationException)) {
                CancellationException cancellation = new CancellationException("the transfer was cancelled");
                cancellation.initCause(failure);
                failure = cancellation;
            }
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof UncheckedIOException unchecked) {
            throw unchecked.getCause();
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IOException(failure.getMessage(), failure);
    }

    private static <T> T doneResult(Future<T> future) {
        try {
            return future.get(0, TimeUnit.NANOSECONDS);
        } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("a transfer reported as done has no result", e);
        }
    }

    /** Interrupts running actions, drops queued ones; {@link #runAll} then throws. Any thread, idempotent. */
    void cancel() {
        synchronized (this) {
            cancelled = true;
            futures.forEach(future -> future.cancel(true));
        }
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Interrupts what still runs and waits for it to end. Idempotent. */
    @Override
    public void close() {
        stop();
    }

    private void stop() {
        synchronized (this) {
            futures.forEach(future -> future.cancel(true));
        }
        executor.shutdownNow();
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
        while (!executor.isTerminated()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            try {
                executor.awaitTermination(remaining, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // The transfers are interrupted already; waiting for them to end is what keeps cleanup safe.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
