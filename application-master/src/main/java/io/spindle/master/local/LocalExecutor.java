package io.spindle.master.local;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.core.concurrent.SingleThreadEventLoop;
import io.spindle.core.config.Configuration;
import io.spindle.core.graph.JobGraphs;
import io.spindle.core.graph.StreamGraph;
import io.spindle.core.options.CheckpointingOptions;
import io.spindle.core.options.ClusterOptions;
import io.spindle.core.plan.ExecutionPlan;
import io.spindle.core.plan.TaskVertex;
import io.spindle.master.checkpoint.JobCheckpointing;
import io.spindle.master.checkpoint.StateAssignment;
import io.spindle.master.checkpoint.StateRestoreException;
import io.spindle.master.cluster.JobMaster;
import io.spindle.master.cluster.WorkerConnections;
import io.spindle.master.metrics.PushgatewayReporter;
import io.spindle.master.resources.WorkerSpec;
import io.spindle.runtime.worker.ShippedJob;
import io.spindle.state.checkpoint.storage.CheckpointDirectoryDefaults;
import io.spindle.state.fs.HadoopConfigurations;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

/**
 * Runs a whole job in this JVM, for tests, IDEs and {@code spindle run -t local}: the same job master as on YARN,
 * over one worker of as many slots as the widest vertex has subtasks, running as threads here, with records through
 * in-memory channels and state in RocksDB.
 */
public final class LocalExecutor {

    private final Configuration configuration;

    /** Checkpoints go under the system's temporary directory unless the configuration names a directory. */
    public LocalExecutor(Configuration configuration) {
        this.configuration = CheckpointDirectoryDefaults.withDefault(configuration.copy(),
                CheckpointDirectoryDefaults.local(), "the system's temporary directory");
    }

    /** Where the checkpoints of the jobs this executor runs go, each in a directory named by its job id. */
    public String checkpointDirectory() {
        return configuration.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY);
    }

    /**
     * Builds the job (bad jobs and arguments fail here, before anything runs) and runs it to the end.
     *
     * @throws StateRestoreException if the state to start from cannot be read or does not fit, before anything runs
     * @throws JobExecutionException if a task fails and the restart policy gives up
     */
    public JobResult execute(SpindleJob job, JobParams params) {
        try {
            return start(job, params).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobExecutionException("interrupted while the job ran", e);
        }
    }

    /**
     * Builds the job (bad jobs and arguments fail here, as does state to restore that does not fit) and starts it
     * on threads of its own.
     */
    public LocalJob start(SpindleJob job, JobParams params) {
        StreamGraph graph = JobGraphs.build(job, params, configuration);
        ExecutionPlan plan = ExecutionPlan.of(graph);
        org.apache.hadoop.conf.Configuration hadoop = HadoopConfigurations.of(configuration);
        checkRestore(plan, hadoop);
        String jobId = UUID.randomUUID().toString().replace("-", "");
        int slots = plan.vertices().stream().mapToInt(TaskVertex::parallelism).max().orElse(1);
        SingleThreadEventLoop loop = new SingleThreadEventLoop("job-master-" + graph.jobName());
        JobMaster master = new JobMaster(jobId, 1, plan, hadoop,
                new WorkerSpec((int) configuration.get(ClusterOptions.WORKER_MEMORY).mebiBytes(), slots), slots, loop,
                new Random(), JobCheckpointing.factory(configuration, hadoop, plan, jobId, 1));
        String token = HexFormat.of().formatHex(SecureRandom.getSeed(16));
        WorkerConnections connections = new WorkerConnections(token, master,
                configuration.get(ClusterOptions.HEARTBEAT_TIMEOUT).toMillis(), System::currentTimeMillis);
        RecordCounts counts = new RecordCounts();
        LocalWorkerPool pool = new LocalWorkerPool(jobId, new ShippedJob(job, params, configuration, plan), hadoop,
                connections, token, master, counts);
        return new LocalJob(graph.jobName(), master, pool, counts, connections, loop,
                PushgatewayReporter.start(configuration, jobId, master.metrics()));
    }

    /** State to restore from that cannot be read or does not fit the job is refused before anything runs. */
    private void checkRestore(ExecutionPlan plan, org.apache.hadoop.conf.Configuration hadoop) {
        if (configuration.contains(CheckpointingOptions.RESTORE_PATH)) {
            StateAssignment.assign(StateAssignment.checkpointAt(configuration.get(CheckpointingOptions.RESTORE_PATH),
                    hadoop), plan, null, false, configuration.get(CheckpointingOptions.ALLOW_NON_RESTORED_STATE));
        }
    }
}
