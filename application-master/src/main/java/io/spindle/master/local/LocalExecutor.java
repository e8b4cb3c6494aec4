package io.spindle.master.local;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.core.config.Configuration;
import io.spindle.core.graph.JobGraphs;
import io.spindle.core.graph.StreamGraph;
import io.spindle.core.plan.ExecutionPlan;
import io.spindle.master.checkpoint.StateRestoreException;

/**
 * Runs a whole job in this JVM, every subtask a thread, records through in-memory channels and
 * state in RocksDB: for tests, IDEs and {@code spindle run -t local}.
 */
public final class LocalExecutor {

    private final Configuration configuration;

    public LocalExecutor(Configuration configuration) {
        this.configuration = configuration;
    }

    /**
     * Builds the job (bad jobs and arguments fail here, before anything runs) and runs it to the end.
     *
     * @throws StateRestoreException if the state to start from cannot be read or does not fit, before anything runs
     * @throws JobExecutionException if a task fails and the restart policy gives up
     */
    public JobResult execute(SpindleJob job, JobParams params) {
        StreamGraph graph = JobGraphs.build(job, params, configuration);
        return new LocalJobRun(job, params, ExecutionPlan.of(graph)).run();
    }

    /** Builds the job (bad jobs and arguments fail here) and starts it on a thread of its own. */
    public LocalJob start(SpindleJob job, JobParams params) {
        StreamGraph graph = JobGraphs.build(job, params, configuration);
        return new LocalJob(new LocalJobRun(job, params, ExecutionPlan.of(graph)), graph.jobName());
    }
}
