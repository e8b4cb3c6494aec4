package io.spindle.runtime.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A count that one thread adds to and others read while it runs: opaque access, so no lock, no fence and no
 * allocation per addition, and a reader sees a recent value.
 */
public final class OpaqueCounter {

    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(OpaqueCounter.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private long value;

    /** Only ever from the one thread that writes. */
    public void add(long amount) {
        VALUE.setOpaque(this, value + amount);
    }

    /** Any thread. */
    public long get() {
        return (long) VALUE.getOpaque(this);
    }
}
