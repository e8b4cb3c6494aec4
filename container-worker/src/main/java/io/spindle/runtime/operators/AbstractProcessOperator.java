package io.spindle.runtime.operators;

import io.spindle.api.OutputTag;
import io.spindle.api.functions.ProcessContext;
import io.spindle.api.functions.TimeDomain;
import io.spindle.api.functions.TimerService;
import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;
import io.spindle.api.state.MapState;
import io.spindle.api.state.MapStateDescriptor;
import io.spindle.api.state.ReducingState;
import io.spindle.api.state.ReducingStateDescriptor;
import io.spindle.api.state.ValueState;
import io.spindle.api.state.ValueStateDescriptor;
import io.spindle.core.graph.VoidNamespace;
import io.spindle.state.KeyedStateBackend;

import java.util.function.BiConsumer;

/**
 * What process functions reach, for one- and two-input process operators: keyed state and timers after keyBy,
 * operator state, side outputs, and the record's timestamp. Timers fire into {@link #onTimer}.
 */
abstract class AbstractProcessOperator<IN, OUT> extends StreamOperator<IN, OUT> implements ProcessContext,
        TimerService {

    private OperatorRuntime runtime;
    /** Null when the input is not keyed. */
    private KeyedStateBackend<Object> keyed;
    private OperatorTimers<VoidNamespace> timers;
    /** The clock of the timer firing, null outside onTimer. */
    private TimeDomain firing;

    AbstractProcessOperator(String name) {
        super(name);
    }

    @Override
    public final void open(OperatorRuntime operatorRuntime) throws Exception {
        this.runtime = operatorRuntime;
        this.keyed = operatorRuntime.keyedState();
        if (keyed != null) {
            timers = new OperatorTimers<>(keyed, VoidNamespace.CODEC, operatorRuntime.timestamp());
        }
        openFunction();
    }

    /** The user function's open, with this operator as its context. */
    protected abstract void openFunction() throws Exception;

    /** The user function's onTimer. */
    protected abstract void onTimer(long time) throws Exception;

    private void fire(long time, VoidNamespace namespace, TimeDomain domain) throws Exception {
        firing = domain;
        try {
            onTimer(time);
        } finally {
            firing = null;
        }
    }

    @Override
    protected void onWatermark(long watermark) throws Exception {
        if (timers != null) {
            timers.advanceWatermark(watermark, this::fire);
        }
    }

    @Override
    public long fireTimers(long nowMillis) throws Exception {
        if (timers == null) {
            return Long.MAX_VALUE;
        }
        try {
            return timers.fireProcessingTime(nowMillis, this::fire);
        } catch (Exception e) {
            throw UserCode.failure(name(), e);
        }
    }

    @Override
    public String operatorName() {
        return name();
    }

    @Override
    public int subtaskIndex() {
        return runtime.subtaskIndex();
    }

    @Override
    public int parallelism() {
        return runtime.parallelism();
    }

    @Override
    public int attemptNumber() {
        return runtime.attemptNumber();
    }

    @Override
    public <T> ValueState<T> state(ValueStateDescriptor<T> descriptor) {
        return keyedBackend().valueState(descriptor);
    }

    @Override
    public <T> ListState<T> listState(ListStateDescriptor<T> descriptor) {
        return keyedBackend().listState(descriptor);
    }

    @Override
    public <K, V> MapState<K, V> mapState(MapStateDescriptor<K, V> descriptor) {
        return keyedBackend().mapState(descriptor);
    }

    @Override
    public <T> ReducingState<T> reducingState(ReducingStateDescriptor<T> descriptor) {
        return keyedBackend().reducingState(descriptor);
    }

    @Override
    public <T> ListState<T> operatorListState(ListStateDescriptor<T> descriptor) {
        return runtime.operatorStates().of(name()).listState(descriptor);
    }

    @Override
    public <T> ListState<T> unionListState(ListStateDescriptor<T> descriptor) {
        return runtime.operatorStates().of(name()).unionListState(descriptor);
    }

    @Override
    public TimerService timers() {
        keyedBackend();
        return this;
    }

    @Override
    public Object currentKey() {
        return keyedBackend().currentKey();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> void forEachValue(ValueStateDescriptor<V> descriptor, BiConsumer<K, V> action) {
        keyedBackend().forEachValue(descriptor, (key, value) -> action.accept((K) key, value));
    }

    @Override
    public long timestamp() {
        return runtime.timestamp().get();
    }

    @Override
    public TimeDomain timeDomain() {
        return firing;
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
        output.collectSide(tag, value);
    }

    @Override
    public long currentProcessingTime() {
        return runtime.clock().getAsLong();
    }

    @Override
    public void registerProcessingTimeTimer(long timeMillis) {
        keyedTimers().registerProcessingTime(VoidNamespace.INSTANCE, timeMillis);
    }

    @Override
    public void deleteProcessingTimeTimer(long timeMillis) {
        keyedTimers().deleteProcessingTime(VoidNamespace.INSTANCE, timeMillis);
    }

    @Override
    public void registerEventTimeTimer(long timeMillis) {
        keyedTimers().registerEventTime(VoidNamespace.INSTANCE, timeMillis);
    }

    @Override
    public void deleteEventTimeTimer(long timeMillis) {
        keyedTimers().deleteEventTime(VoidNamespace.INSTANCE, timeMillis);
    }

    /** The key of a record of a keyed input becomes current before the function sees the record. */
    protected final void setCurrentKey(Object key) {
        keyed.setCurrentKey(key);
    }

    private OperatorTimers<VoidNamespace> keyedTimers() {
        keyedBackend();
        return timers;
    }

    /** The graph builder already refused keyed state on unkeyed streams; this guards direct use. */
    private KeyedStateBackend<Object> keyedBackend() {
        if (keyed == null) {
            throw new IllegalStateException("operator '" + name() + "' is not keyed");
        }
        return keyed;
    }
}
