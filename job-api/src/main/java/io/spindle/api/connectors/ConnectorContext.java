package io.spindle.api.connectors;

import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;

/** What a source reader or sink writer may use: its place among the subtasks, its state, and files. */
public interface ConnectorContext {

    /** The job's id: the same in all its attempts, and unique among jobs (the YARN application id, for one). */
    String jobId();

    /** The name the job gave the source or sink: unique within the job, and the same in all its attempts. */
    String operatorName();

    int subtaskIndex();

    int parallelism();

    /** 0 in the job's first execution, one more after each restart. */
    int attemptNumber();

    /** Holds restored entries if the job was restored; entries are spread evenly on rescaling. */
    <T> ListState<T> operatorListState(ListStateDescriptor<T> descriptor);

    /**
     * List state that every subtask gets whole on restore: the entries of all old subtasks together (for state
     * each subtask must see all of, such as a shared offset table). Not split on rescaling.
     */
    <T> ListState<T> unionListState(ListStateDescriptor<T> descriptor);

    /** Whether the subtask starts from a checkpoint or savepoint. */
    boolean isRestored();

    FileAccess files();
}
