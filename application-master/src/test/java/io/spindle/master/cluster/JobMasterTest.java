package io.spindle.master.cluster;

import io.spindle.api.JobParams;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Sources;
import io.spindle.core.config.Configuration;
import io.spindle.core.graph.JobGraphs;
import io.spindle.core.plan.ExecutionPlan;
import io.spindle.master.resources.WorkerLaunch;
import io.spindle.master.resources.WorkerSpec;
import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class JobMasterTest {

    private static final String JOB_ID = "application_1700000000000_0007";

    @TempDir
    Path work;

    private JobMaster master(int masterAttempt) {
        Configuration configuration = Configuration.fromMap(Map.of(
                "execution.checkpointing.interval", "1 h",
                "execution.checkpointing.dir", work.resolve("checkpoints").toUri().toString()));
        ExecutionPlan plan = ExecutionPlan.of(JobGraphs.build((builder, params) -> builder
                .source("numbers", Sources.generator(10, i -> i, Codecs.LONG))
                .sink("out", Sinks.discard()), JobParams.of(Map.of()), configuration));
        return new JobMaster(JOB_ID, masterAttempt, plan, new org.apache.hadoop.conf.Configuration(),
                new WorkerSpec(512, 1), 1, System::currentTimeMillis);
    }

    /**
     * The ResourceManager asks an attempt it has replaced to shut down: the checkpoints in the job's directory are
     * the new attempt's, so this one leaves them as they are and reports no final status.
     */
    @Test
    void aShutdownRequestEndsTheAttemptAndLeavesTheCheckpointsOfTheJob() throws Exception {
        JobMaster stale = master(1);
        RecordingWorkerPool pool = new RecordingWorkerPool();
        CompletableFuture<JobEnd> ended = stale.start(pool, id -> WorkerLaunch.of("Worker"));
        Path newerCheckpoint = publishCheckpoint(7);
        Path sharedFile = Files.writeString(work.resolve("checkpoints").resolve(JOB_ID).resolve("shared")
                .resolve("0123-000009.sst"), "sst");

        stale.shutdownRequested();
        JobEnd end = ended.get(10, TimeUnit.SECONDS);

        assertThat(end.abandoned()).isTrue();
        assertThat(newerCheckpoint).exists();
        assertThat(sharedFile).exists();
    }

    /** Checkpoint n of the job, published as a newer master attempt would. */
    private Path publishCheckpoint(long checkpointId) throws IOException {
        CheckpointStorage storage = new CheckpointStorage(work.resolve("checkpoints").toUri().toString(), JOB_ID);
        storage.initializeLocation(checkpointId);
        storage.finalizeCheckpoint(new CheckpointMetadata(JOB_ID, "job", checkpointId, 0, null, List.of()));
        return work.resolve("checkpoints").resolve(JOB_ID).resolve("chk-" + checkpointId).resolve("_metadata");
    }
}
