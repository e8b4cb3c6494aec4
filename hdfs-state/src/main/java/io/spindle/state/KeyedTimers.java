package io.spindle.state;

/**
 * The timers of one timer service (e.g. an operator's event-time timers) in the keyed state backend: at most one
 * timer per key, namespace and time. They are part of the keyed state, so checkpoints and savepoints hold them and a
 * restore at another parallelism gives each subtask the timers of its key groups.
 *
 * @param <K> the key type
 * @param <N> the namespace type (e.g. a window)
 */
public interface KeyedTimers<K, N> {

    /** A timer for the current key and this namespace at {@code time}; registering it again changes nothing. */
    void register(N namespace, long time);

    /** Deletes the current key's timer for this namespace at {@code time}, if registered. */
    void delete(N namespace, long time);

    /**
     * Removes and returns the earliest timer with a time of at most {@code upTo}, making its key the backend's
     * current key; null if none is due. Order: by time, then key group, then the key's encoded bytes (length
     * first), then the namespace's encoded bytes, so it is the same in every run.
     */
    Timer<K, N> pollDue(long upTo);

    /**
     * The time of the earliest timer, {@link Long#MAX_VALUE} if there is none. Cheap, for the task's loop; may be
     * earlier than the earliest timer after deletes (then {@link #pollDue} finds nothing due and corrects it), never
     * later.
     */
    long nextTime();

    /** A timer that {@link #pollDue} removed. */
    record Timer<K, N>(long time, K key, N namespace) { }
}
