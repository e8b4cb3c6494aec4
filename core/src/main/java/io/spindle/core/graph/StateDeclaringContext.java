package io.spindle.core.graph;

import io.spindle.api.JobDefinitionException;
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
import io.spindle.api.state.StateDescriptor;
import io.spindle.api.state.ValueState;
import io.spindle.api.state.ValueStateDescriptor;

import java.lang.reflect.Proxy;
import java.util.function.BiConsumer;

/**
 * Runs a process function's {@code open} once at build time to learn the state it declares, and to
 * reject keyed state or timers on a stream that is not keyed before anything runs.
 */
final class StateDeclaringContext implements ProcessContext {

    private final StreamNode node;

    private StateDeclaringContext(StreamNode node) {
        this.node = node;
    }

    /** A function's {@code open}. */
    interface Opener {
        void open(ProcessContext context) throws Exception;
    }

    static void declare(StreamNode node, Opener function) {
        try {
            function.open(new StateDeclaringContext(node));
        } catch (JobDefinitionException e) {
            throw e;
        } catch (Exception e) {
            throw new JobDefinitionException("operator '" + node.name() + "': open() failed while the job was built: "
                    + e);
        }
    }

    @Override
    public String operatorName() {
        return node.name();
    }

    @Override
    public int subtaskIndex() {
        return 0;
    }

    @Override
    public int parallelism() {
        return 1;
    }

    @Override
    public int attemptNumber() {
        return 0;
    }

    @Override
    public <T> ValueState<T> state(ValueStateDescriptor<T> descriptor) {
        return keyed(descriptor, ValueState.class);
    }

    @Override
    public <T> ListState<T> listState(ListStateDescriptor<T> descriptor) {
        return keyed(descriptor, ListState.class);
    }

    @Override
    public <K, V> MapState<K, V> mapState(MapStateDescriptor<K, V> descriptor) {
        return keyed(descriptor, MapState.class);
    }

    @Override
    public <T> ReducingState<T> reducingState(ReducingStateDescriptor<T> descriptor) {
        return keyed(descriptor, ReducingState.class);
    }

    @Override
    public <T> ListState<T> operatorListState(ListStateDescriptor<T> descriptor) {
        record(descriptor, false);
        return inert(ListState.class, descriptor);
    }

    @Override
    public <T> ListState<T> unionListState(ListStateDescriptor<T> descriptor) {
        return operatorListState(descriptor);
    }

    @Override
    public TimerService timers() {
        requireKeyed("timers");
        return inert(TimerService.class, "timers");
    }

    @Override
    public Object currentKey() {
        requireKeyed("the current key");
        throw new IllegalStateException("operator '" + node.name() + "': there is no current key in open()");
    }

    @Override
    public <K, V> void forEachValue(ValueStateDescriptor<V> descriptor, BiConsumer<K, V> action) {
        requireKeyed(descriptor.toString());
        throw new IllegalStateException("operator '" + node.name() + "': forEachValue cannot be used in open()");
    }

    @Override
    public long timestamp() {
        throw new IllegalStateException("operator '" + node.name() + "': there is no record in open()");
    }

    @Override
    public TimeDomain timeDomain() {
        return null;
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
        throw new IllegalStateException("operator '" + node.name() + "': " + tag + " cannot be written in open()");
    }

    private <S> S keyed(StateDescriptor<?> descriptor, Class<?> handleType) {
        requireKeyed(descriptor.toString());
        record(descriptor, true);
        return inert(handleType, descriptor);
    }

    private void requireKeyed(String what) {
        if (!node.isKeyed()) {
            throw new JobDefinitionException("operator '" + node.name() + "' uses " + what
                    + ", which needs a keyed stream: add keyBy(...) before it");
        }
    }

    private void record(StateDescriptor<?> descriptor, boolean keyed) {
        StateDeclaration declaration = new StateDeclaration(descriptor.name(), descriptor.kind(),
                descriptor.codecId(), keyed);
        for (StateDeclaration existing : node.states()) {
            if (existing.name().equals(descriptor.name()) && !existing.equals(declaration)) {
                throw new JobDefinitionException("operator '" + node.name() + "' declares state '" + descriptor.name()
                        + "' twice, differently");
            }
        }
        if (!node.states().contains(declaration)) {
            node.states().add(declaration);
        }
    }

    /** A handle for open() to keep; using it outside processing is a bug in the function. */
    @SuppressWarnings("unchecked")
    private <S> S inert(Class<?> type, Object what) {
        return (S) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "declared " + what : method.invoke(what, args);
            }
            throw new IllegalStateException("operator '" + node.name() + "': " + what
                    + " can only be used while records are processed, not in open()");
        });
    }
}
