package io.spindle.api.connectors;

import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;

/** What a sink writer may use: its place among the subtasks, its state, and files. */
public interface SinkContext {

    int subtaskIndex();

    int parallelism();

    /** 0 in the job's first execution, one more after each restart. */
    int attemptNumber();

    <T> ListState<T> operatorListState(ListStateDescriptor<T> descriptor);

    /** Whether the subtask starts from a checkpoint or savepoint. */
    boolean isRestored();

    FileAccess files();
}
