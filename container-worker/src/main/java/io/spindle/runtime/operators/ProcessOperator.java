package io.spindle.runtime.operators;

import io.spindle.api.functions.KeySelector;
import io.spindle.api.functions.ProcessContext;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.api.functions.TimerService;
import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;
import io.spindle.api.state.MapState;
import io.spindle.api.state.MapStateDescriptor;
import io.spindle.api.state.ReducingState;
import io.spindle.api.state.ReducingStateDescriptor;
import io.spindle.api.state.ValueState;
import io.spindle.api.state.ValueStateDescriptor;
import io.spindle.state.KeyedStateBackend;

import java.util.function.BiConsumer;

/** Runs a {@link ProcessFunction}: keyed (state, timers) after keyBy, plain otherwise. */
public final class ProcessOperator<IN, OUT> extends StreamOperator<IN, OUT> implements ProcessContext, TimerService {

    private final ProcessFunction<IN, OUT> function;
    /** Null when the input is not keyed. */
    private final KeySelector<Object, Object> keySelector;
    private final ProcessingTimeTimers timers = new ProcessingTimeTimers();
    private OperatorRuntime runtime;
    private KeyedStateBackend<Object> keyed;

    public ProcessOperator(String name, ProcessFunction<IN, OUT> function, KeySelector<Object, Object> keySelector) {
        super(name);
        this.function = function;
        this.keySelector = keySelector;
    }

    @Override
    public void open(OperatorRuntime operatorRuntime) throws Exception {
        this.runtime = operatorRuntime;
        this.keyed = operatorRuntime.keyedState();
        function.open(this);
    }

    @Override
    protected void processElement(IN record) throws Exception {
        if (keySelector != null) {
            keyed.setCurrentKey(keySelector.key(record));
        }
        function.processElement(record, this, output);
    }

    @Override
    protected void onEndOfInput() throws Exception {
        function.endOfInput(this, output);
    }

    @Override
    public long fireTimers(long nowMillis) throws Exception {
        ProcessingTimeTimers.Timer timer;
        while ((timer = timers.pollDue(nowMillis)) != null) {
            keyed.setCurrentKey(timer.key());
            try {
                function.onTimer(timer.time(), this, output);
            } catch (Exception e) {
                throw UserCode.failure(name(), e);
            }
        }
        return timers.nextTime();
    }

    @Override
    public void close() throws Exception {
        function.close();
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
    public long currentProcessingTime() {
        return runtime.clock().getAsLong();
    }

    @Override
    public void registerProcessingTimeTimer(long timeMillis) {
        timers.register(keyedBackend().currentKey(), timeMillis);
    }

    @Override
    public void deleteProcessingTimeTimer(long timeMillis) {
        timers.delete(keyedBackend().currentKey(), timeMillis);
    }

    /** The graph builder already refused keyed state on unkeyed streams; this guards direct use. */
    private KeyedStateBackend<Object> keyedBackend() {
        if (keyed == null) {
            throw new IllegalStateException("operator '" + name() + "' is not keyed");
        }
        return keyed;
    }
}
