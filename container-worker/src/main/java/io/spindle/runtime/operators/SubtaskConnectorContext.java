package io.spindle.runtime.operators;

import io.spindle.api.connectors.FileAccess;
import io.spindle.api.connectors.SinkContext;
import io.spindle.api.connectors.SourceContext;
import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;

/** What a source reader or sink writer of one subtask sees: its place, its operator's state, files. */
public record SubtaskConnectorContext(OperatorRuntime runtime, String operatorName)
        implements SourceContext, SinkContext {

    @Override
    public String jobId() {
        return runtime.jobId();
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
    public <T> ListState<T> operatorListState(ListStateDescriptor<T> descriptor) {
        return runtime.operatorStates().of(operatorName).listState(descriptor);
    }

    @Override
    public <T> ListState<T> unionListState(ListStateDescriptor<T> descriptor) {
        return runtime.operatorStates().of(operatorName).unionListState(descriptor);
    }

    @Override
    public boolean isRestored() {
        return runtime.operatorStates().of(operatorName).isRestored();
    }

    @Override
    public long timestamp() {
        return runtime.timestamp().get();
    }

    @Override
    public long currentProcessingTime() {
        return runtime.clock().getAsLong();
    }

    @Override
    public FileAccess files() {
        return runtime.files();
    }
}
