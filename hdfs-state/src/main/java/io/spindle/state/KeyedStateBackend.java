package io.spindle.state;

import io.spindle.api.codec.Codec;
import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;
import io.spindle.api.state.MapState;
import io.spindle.api.state.MapStateDescriptor;
import io.spindle.api.state.ReducingState;
import io.spindle.api.state.ReducingStateDescriptor;
import io.spindle.api.state.ValueState;
import io.spindle.api.state.ValueStateDescriptor;
import io.spindle.core.keys.KeyGroupRange;

import java.util.function.BiConsumer;

/**
 * The keyed state of one subtask of one keyed operator: the key groups of {@link #keyGroupRange()}.
 *
 * <p>An operator declares its state once (typically in {@code open()}) and keeps the returned handles;
 * every call on a handle reads or writes the state of the key set last with {@link #setCurrentKey},
 * so the runtime sets the key before each record and the handles follow it.
 *
 * <p>Null means absent throughout: a value state updated with null, or a list state updated with
 * null or an empty list, is cleared; a map entry put with a null value is removed. Adding a null
 * element to a list or reducing state is a {@link NullPointerException}.
 *
 * <p>Not thread-safe: one backend is used by its task's thread only, {@link #close()} included.
 *
 * @param <K> the key type
 */
public interface KeyedStateBackend<K> extends AutoCloseable {

    /**
     * Makes {@code key} the key that state handles read and write. A key whose key group is outside
     * {@link #keyGroupRange()} is an {@link IllegalStateException}: the record was routed to the wrong
     * subtask.
     */
    void setCurrentKey(K key);

    /** The key set last, or null before the first {@link #setCurrentKey}. */
    K currentKey();

    /**
     * Declares (on first use) and returns the value state of that name. Declaring a name again with
     * another kind of state or another codec id is an {@link IllegalArgumentException} naming the state;
     * declaring it again the same way returns a handle on the same data.
     */
    <T> ValueState<T> valueState(ValueStateDescriptor<T> descriptor);

    <T> ListState<T> listState(ListStateDescriptor<T> descriptor);

    <UK, UV> MapState<UK, UV> mapState(MapStateDescriptor<UK, UV> descriptor);

    <T> ReducingState<T> reducingState(ReducingStateDescriptor<T> descriptor);

    /**
     * Value state of the current key in a namespace (e.g. a window), declared as {@link #valueState} is: the
     * namespace codec's id is part of the declaration, so declaring or restoring it with another one is an
     * {@link IllegalArgumentException} naming the state.
     */
    <N, T> NamespacedValueState<N, T> namespacedValueState(ValueStateDescriptor<T> descriptor, Codec<N> namespaceCodec);

    /** List state of the current key in a namespace; declared as {@link #namespacedValueState} is. */
    <N, T> NamespacedListState<N, T> namespacedListState(ListStateDescriptor<T> descriptor, Codec<N> namespaceCodec);

    /**
     * The timers of one timer service (e.g. {@code "<operator>/event-time"}), created on first use; every call with
     * that name returns the same timers. A name is one state's or one timer service's: using a state's name, or
     * another namespace codec id, is an {@link IllegalArgumentException} naming it, as for states.
     */
    <N> KeyedTimers<K, N> timers(String name, Codec<N> namespaceCodec);

    /**
     * Calls {@code action} once for every key that has a value in this value state, in key-group order
     * (within a key group the order is unspecified). While the action runs, that key is the current key,
     * so the action can read the key's other states; afterwards the previous current key is restored.
     * Used by end-of-input hooks, e.g. "write every key's final count".
     */
    <V> void forEachValue(ValueStateDescriptor<V> descriptor, BiConsumer<K, V> action);

    /** The key groups this backend holds. */
    KeyGroupRange keyGroupRange();

    /** The number of key groups of the job (key group = hash of the key mod this). */
    int maxParallelism();

    /** Frees everything the backend holds; idempotent. Any later use is an {@link IllegalStateException}. */
    @Override
    void close();
}
