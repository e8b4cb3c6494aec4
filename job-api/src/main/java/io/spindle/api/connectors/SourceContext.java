package io.spindle.api.connectors;

import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;

/** What a source reader may use: its place among the subtasks, its state, and files. */
public interface SourceContext {

    int subtaskIndex();

    int parallelism();

    /** 0 in the job's first execution, one more after each restart. */
    int attemptNumber();

    /** Holds restored entries if the job was restored; entries are spread evenly on rescaling. */
    <T> ListState<T> operatorListState(ListStateDescriptor<T> descriptor);

    boolean isRestored();

    FileAccess files();
}
