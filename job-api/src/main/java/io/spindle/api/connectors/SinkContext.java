package io.spindle.api.connectors;

import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;

/** What a sink writer may use: its place among the subtasks, its state, and files. */
public interface SinkContext {

    int subtaskIndex();

    int parallelism();

    <T> ListState<T> operatorListState(ListStateDescriptor<T> descriptor);

    FileAccess files();
}
