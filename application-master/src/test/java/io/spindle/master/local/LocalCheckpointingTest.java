package io.spindle.master.local;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Sources;
import io.spindle.api.functions.Collector;
import io.spindle.api.functions.ProcessContext;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.api.state.ValueState;
import io.spindle.api.state.ValueStateDescriptor;
import io.spindle.core.config.Configuration;
import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.OperatorSubtaskState;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalCheckpointingTest {

    @TempDir
    Path work;

    /** Counts per key in RocksDB. */
    static final class Count extends ProcessFunction<Long, Long> {
        private ValueState<Long> count;

        @Override
        public void open(ProcessContext context) {
            count = context.state(new ValueStateDescriptor<>("count", Codecs.LONG));
        }

        @Override
        public void processElement(Long key, ProcessContext context, Collector<Long> out) {
            Long current = count.value();
            count.update(current == null ? 1 : current + 1);
        }
    }

    @Test
    void checkpointsOfARunningJobHoldEverySubtasksKeyedStateAndSourcePositions() throws Exception {
        SpindleJob job = (builder, params) -> builder
                .source("generator", Sources.unboundedGenerator(i -> i % 50_000, Codecs.LONG, 150_000))
                .keyBy(key -> key, Codecs.LONG)
                .process("count", new Count(), Codecs.LONG)
                .sink("out", Sinks.discard());
        Configuration configuration = Configuration.fromMap(Map.of("parallelism.default", "2",
                "execution.checkpointing.interval", "100 ms", "execution.checkpointing.dir", work.toUri().toString(),
                "execution.checkpointing.incremental", "true", "execution.checkpointing.num-retained", "2",
                "execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION"));

        LocalJob running = new LocalExecutor(configuration).start(job, JobParams.of(Map.of()));
        LocalJobs.awaitCondition("3 completed checkpoints", () -> highestCompleted() >= 3);
        running.cancel();

        assertThatThrownBy(() -> LocalJobs.await(running)).isInstanceOf(JobCancelledException.class);
        List<CompletedCheckpoint> retained = completed();
        assertThat(retained).hasSize(2);
        CheckpointMetadata latest = retained.get(0).metadata();
        assertThat(latest.operator("count").orElseThrow().subtasks()).hasSize(2)
                .allSatisfy(subtask -> assertThat(subtask.keyedState().fullBytes()).isPositive());
        assertThat(latest.operator("generator").orElseThrow().subtasks()).hasSize(2)
                .extracting(OperatorSubtaskState::operatorListState)
                .allSatisfy(states -> assertThat(states).containsKey("generator-positions"));
        assertThat(latest.incrementalBytes()).isLessThan(latest.fullBytes());
    }

    private List<CompletedCheckpoint> completed() throws IOException {
        return CheckpointStorage.listCompleted(work.toString(), new org.apache.hadoop.conf.Configuration());
    }

    private long highestCompleted() throws IOException {
        return java.nio.file.Files.exists(work) ? completed().stream().mapToLong(CompletedCheckpoint::checkpointId)
                .max().orElse(0) : 0;
    }
}
