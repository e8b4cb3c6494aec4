package io.spindle.client.cli;

import io.spindle.api.state.StateDescriptor;
import io.spindle.core.graph.StateDeclaration;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.NativeKeyedState;
import io.spindle.state.checkpoint.OperatorState;
import io.spindle.state.checkpoint.OperatorSubtaskState;
import io.spindle.state.checkpoint.StateFile;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineStateCommandsTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path base;

    private int spindle(String... args) {
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("SPINDLE_CONF_DIR", work.toString()), work);
        return new SpindleCli(Commands.all(), context).run(args);
    }

    private static CheckpointMetadata metadata(long id) {
        KeyedStateHandle keyed = new NativeKeyedState(new KeyGroupRange(0, 63),
                Map.of("000010.sst", new StateFile("shared/a-000010.sst", 4096, 0x5EED)),
                Map.of("MANIFEST-000005", new StateFile("chk-" + id + "/b-MANIFEST-000005", 100, 0x5EED)), 4196);
        return new CheckpointMetadata("job-a", "job-a", id, 1_700_000_000_000L + id, null, List.of(
                new OperatorState("generator", 1, 128,
                        List.of(new StateDeclaration("generator-positions", StateDescriptor.Kind.LIST, "long", false)),
                        List.of(new OperatorSubtaskState(0, Map.of("generator-positions", List.of(new byte[8])), null))),
                new OperatorState("count", 2, 128,
                        List.of(new StateDeclaration("count", StateDescriptor.Kind.VALUE, "long", true)),
                        List.of(new OperatorSubtaskState(0, Map.of(), keyed)))));
    }

    @BeforeEach
    void twoCompletedCheckpoints() throws IOException {
        base = work.resolve("checkpoints");
        CheckpointStorage storage = new CheckpointStorage(base.toUri().toString(), "job-a");
        for (long id = 1; id <= 2; id++) {
            storage.initializeLocation(id);
            storage.finalizeCheckpoint(metadata(id));
        }
    }

    @Test
    void checkpointsListsCompletedCheckpointsNewestFirst() {
        assertThat(spindle("checkpoints", base.toString())).isEqualTo(ExitCode.OK);

        assertThat(out.toString(StandardCharsets.UTF_8).lines().skip(1).toList())
                .hasSize(2)
                .first().asString().contains("job-a", " 2 ", "4.1 KiB", "generator, count");
    }

    @Test
    void checkpointsSkipsACheckpointWithTruncatedMetadata() throws IOException {
        Path newest = base.resolve("job-a/chk-2/_metadata");
        Files.write(newest, java.util.Arrays.copyOf(Files.readAllBytes(newest), 10));

        assertThat(spindle("checkpoints", base.resolve("job-a").toString())).isEqualTo(ExitCode.OK);

        assertThat(out.toString(StandardCharsets.UTF_8).lines().skip(1).toList()).singleElement()
                .asString().contains(" 1 ");
    }

    @Test
    void checkpointsOfAMissingPathIsBadInput() {
        assertThat(spindle("checkpoints", work.resolve("nowhere").toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no checkpoint directory at");
    }

    @Test
    void savepointInfoDescribesOperatorsStatesAndKeyGroups() {
        assertThat(spindle("savepoint-info", base.resolve("job-a/chk-1").toString())).isEqualTo(ExitCode.OK);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("checkpoint 1 of job 'job-a' (job-a)")
                .contains("full size 4.1 KiB, incremental 4.1 KiB")
                .contains("operator 'generator': parallelism 1, max parallelism 128\n"
                        + "  operator list state 'generator-positions', codec long\n")
                .contains("operator 'count': parallelism 2, max parallelism 128, keyed state 4.1 KiB in 2 files\n"
                        + "  keyed value state 'count', codec long\n"
                        + "  subtask 0: key groups [0, 63], 4.1 KiB in 2 files\n");
    }

    @Test
    void savepointDisposeRefusesACheckpointAndDeletesNothing() {
        Path checkpoint = base.resolve("job-a/chk-1");

        assertThat(spindle("savepoint-dispose", checkpoint.toString())).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err.toString(StandardCharsets.UTF_8)).hasLineCount(1)
                .startsWith("spindle savepoint-dispose: cannot dispose " + checkpoint + ": ")
                .contains("is checkpoint 1 of job job-a, not a savepoint");
        assertThat(checkpoint.resolve("_metadata")).exists();
    }

    @Test
    void checkpointsOfARegularFileIsOneLineOfBadInput() throws IOException {
        Path file = Files.writeString(work.resolve("not-a-directory"), "text");

        assertThat(spindle("checkpoints", file.toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("spindle checkpoints: " + file + " is a file, not a checkpoint directory\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void savepointDisposeOfAnEmptyPathIsOneLineOfBadInput() {
        assertThat(spindle("savepoint-dispose", "")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("spindle savepoint-dispose: expects one savepoint path, got an empty argument\n");
    }

    @Test
    void savepointInfoOfADirectoryWithoutMetadataIsBadInput() throws IOException {
        Path empty = Files.createDirectories(work.resolve("not-a-checkpoint"));

        assertThat(spindle("savepoint-info", empty.toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot find the metadata file '_metadata'");
    }
}
