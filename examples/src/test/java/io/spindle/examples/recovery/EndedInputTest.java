package io.spindle.examples.recovery;

import io.spindle.api.JobParams;
import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.ReaderOutput;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Source;
import io.spindle.api.connectors.SourceContext;
import io.spindle.api.connectors.SourceReader;
import io.spindle.core.config.Configuration;
import io.spindle.master.local.JobCancelledException;
import io.spindle.master.local.LocalExecutor;
import io.spindle.master.local.LocalJob;
import io.spindle.master.local.LocalJobs;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tasks whose input ended keep taking part in checkpoints, so the others go on checkpointing. */
class EndedInputTest {

    @TempDir
    Path work;

    @Test
    void checkpointsGoOnAfterOneSourceSubtasksInputEnded() throws Exception {
        Path checkpoints = work.resolve("checkpoints");
        LocalJob job = new LocalExecutor(Configuration.fromMap(Map.of("parallelism.default", "2",
                "execution.checkpointing.interval", "50 ms",
                "execution.checkpointing.dir", checkpoints.toUri().toString())))
                .start((builder, params) -> builder
                        .source("numbers", new EndsOnSubtaskOne())
                        .rebalance()
                        .sink("out", Sinks.discard()), JobParams.of(Map.of()));

        LocalJobs.awaitCondition("5 completed checkpoints", () -> newestCompleted(checkpoints) >= 5);
        job.cancel();

        assertThatThrownBy(() -> LocalJobs.await(job)).isInstanceOf(JobCancelledException.class);
    }

    private static long newestCompleted(Path checkpoints) throws Exception {
        if (!Files.exists(checkpoints)) {
            return 0;
        }
        List<CompletedCheckpoint> completed = CheckpointStorage.listCompleted(checkpoints.toUri().toString(),
                new org.apache.hadoop.conf.Configuration());
        return completed.isEmpty() ? 0 : completed.get(0).checkpointId();
    }

    /** Subtask 1 has nothing to read and ends at once; subtask 0 reads a number now and then, for ever. */
    static final class EndsOnSubtaskOne implements Source<Long> {
        @Override
        public Codec<Long> codec() {
            return Codecs.LONG;
        }

        @Override
        public boolean isBounded() {
            return false;
        }

        @Override
        public SourceReader<Long> createReader(SourceContext context) {
            boolean ends = context.subtaskIndex() == 1;
            return new SourceReader<>() {
                private long next;

                @Override
                public Status poll(ReaderOutput<Long> out) throws InterruptedException {
                    if (ends) {
                        return Status.END_OF_INPUT;
                    }
                    Thread.sleep(1);
                    out.collect(next++);
                    return Status.MORE_AVAILABLE;
                }

                @Override
                public void snapshotState() {
                }
            };
        }
    }
}
