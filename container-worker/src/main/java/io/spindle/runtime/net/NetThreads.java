package io.spindle.runtime.net;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.FastThreadLocalThread;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Event loops whose threads are named by role (spindle-net-server-1, spindle-net-client-2) for thread dumps. */
final class NetThreads {

    private static final Map<String, AtomicInteger> COUNTERS = new ConcurrentHashMap<>();

    private NetThreads() { }

    static EventLoopGroup group(String role, int threads) {
        AtomicInteger counter = COUNTERS.computeIfAbsent(role, r -> new AtomicInteger());
        return new NioEventLoopGroup(threads, runnable -> {
            Thread thread = new FastThreadLocalThread(runnable, "spindle-net-" + role + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Stops the loops without a quiet period (nothing more will come) and waits until they have stopped. */
    static void shutdown(EventLoopGroup group) {
        group.shutdownGracefully(0, 10, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
