package io.spindle.master.local;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Sources;
import io.spindle.api.functions.Collector;
import io.spindle.api.functions.ProcessContext;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;
import io.spindle.core.config.Configuration;
import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnionListStateTest {

    /** What each subtask of a restored run found in its union state, as "subtask: entries". */
    private static final Queue<String> RESTORED = new ConcurrentLinkedQueue<>();

    @TempDir
    Path work;

    /** Keeps its subtask index in a union list state; reports what it restored. */
    static final class RemembersSubtasks extends ProcessFunction<Long, Long> {
        private ListState<Integer> subtasks;
        private boolean first = true;

        @Override
        public void open(ProcessContext context) {
            subtasks = context.unionListState(new ListStateDescriptor<>("subtasks", Codecs.INT));
        }

        @Override
        public void processElement(Long value, ProcessContext context, Collector<Long> out) throws Exception {
            if (first) {
                first = false;
                List<Integer> restored = new ArrayList<>();
                subtasks.get().forEach(restored::add);
                if (!restored.isEmpty()) {
                    restored.sort(null);
                    RESTORED.add(context.subtaskIndex() + ": " + restored);
                }
                subtasks.update(List.of(context.subtaskIndex()));
            }
            out.collect(value);
        }
    }

    private Configuration configuration(int parallelism, String restorePath) {
        return LocalJobs.checkpointed(work, parallelism, "execution.state-recovery.path", restorePath);
    }

    @Test
    void everySubtaskOfARescaledJobRestoresTheUnionOfAllOldSubtasksEntries() throws Exception {
        // never ends by itself: the stop cannot come after the end of the input
        SpindleJob job = (builder, params) -> builder
                .source("numbers", Sources.unboundedGenerator(i -> i, Codecs.LONG, 10_000))
                .rebalance()
                .process("remember", new RemembersSubtasks(), Codecs.LONG)
                .sink("out", Sinks.discard());
        LocalJob first = new LocalExecutor(configuration(2, null)).start(job, JobParams.of(Map.of()));
        Path checkpoints = work.resolve("checkpoints");
        LocalJobs.awaitCondition("a completed checkpoint", () -> Files.exists(checkpoints)
                && !CheckpointStorage.listCompleted(checkpoints.toUri().toString(),
                        new org.apache.hadoop.conf.Configuration()).isEmpty());
        String savepoint = first.stopWithSavepoint(null, SavepointFormat.CANONICAL, false).get(60, TimeUnit.SECONDS);
        LocalJobs.await(first);

        LocalJob restored = new LocalExecutor(configuration(3, savepoint)).start(job, JobParams.of(Map.of()));
        LocalJobs.awaitCondition("the first record of every restored subtask", () -> RESTORED.size() >= 3);
        restored.cancel();

        assertThatThrownBy(() -> LocalJobs.await(restored)).isInstanceOf(JobCancelledException.class);
        assertThat(RESTORED).containsExactlyInAnyOrder("0: [0, 1]", "1: [0, 1]", "2: [0, 1]");
    }
}
