package io.spindle.client.cli;

import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.OperatorState;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** {@code spindle checkpoints <dir>}: the completed checkpoints under a path, read offline. */
final class CheckpointsCommand implements Command {

    @Override
    public String name() {
        return "checkpoints";
    }

    @Override
    public String arguments() {
        return "<dir>";
    }

    @Override
    public String summary() {
        return "list the completed checkpoints and savepoints under a path";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(CommandLine line, CliContext context) {
        String path = OfflineState.singlePath(line, "checkpoint directory");
        List<CompletedCheckpoint> checkpoints = OfflineState.badInputOnFailure(
                () -> CheckpointStorage.listCompleted(path, OfflineState.hadoopConfiguration()));
        if (checkpoints.isEmpty()) {
            context.out().println("no completed checkpoints under " + path);
            return ExitCode.OK;
        }
        context.out().printf("%-34s %8s  %-24s %12s %12s  %s%n", "job", "id", "time", "full", "incremental",
                "operators");
        for (CompletedCheckpoint checkpoint : checkpoints) {
            CheckpointMetadata metadata = checkpoint.metadata();
            context.out().printf("%-34s %8d  %-24s %12s %12s  %s%n", metadata.jobId(), metadata.checkpointId(),
                    Instant.ofEpochMilli(metadata.timestampMillis()), OfflineState.bytes(metadata.fullBytes()),
                    OfflineState.bytes(metadata.incrementalBytes()),
                    metadata.operators().stream().map(OperatorState::operatorName).collect(Collectors.joining(", ")));
        }
        return ExitCode.OK;
    }
}
