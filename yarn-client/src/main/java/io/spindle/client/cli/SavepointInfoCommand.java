package io.spindle.client.cli;

import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.OperatorState;
import io.spindle.state.checkpoint.OperatorSubtaskState;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.time.Instant;
import java.util.TreeSet;

/** {@code spindle savepoint-info <path>}: what a checkpoint or savepoint holds, read offline. */
final class SavepointInfoCommand implements Command {

    @Override
    public String name() {
        return "savepoint-info";
    }

    @Override
    public String arguments() {
        return "<path>";
    }

    @Override
    public String summary() {
        return "operators, parallelism, key groups and sizes of a savepoint or checkpoint";
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder().longOpt("verify")
                .desc("read every file and check its size and checksum").build());
    }

    @Override
    public int run(CommandLine line, CliContext context) {
        if (line.hasOption("verify")) {
            throw new UsageException("--verify is not implemented yet");
        }
        String path = OfflineState.singlePath(line, "checkpoint or savepoint");
        CompletedCheckpoint checkpoint;
        try {
            checkpoint = CheckpointStorage.load(path, OfflineState.hadoopConfiguration());
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
        CheckpointMetadata metadata = checkpoint.metadata();
        context.out().println((checkpoint.savepoint() ? "savepoint" : "checkpoint " + metadata.checkpointId())
                + " of job " + metadata.jobId() + " at " + checkpoint.directory());
        context.out().println("taken " + Instant.ofEpochMilli(metadata.timestampMillis()) + ", full size "
                + OfflineState.bytes(metadata.fullBytes()) + ", incremental " + OfflineState.bytes(metadata.incrementalBytes()));
        for (OperatorState operator : metadata.operators()) {
            context.out().println("operator '" + operator.operatorName() + "': parallelism " + operator.parallelism()
                    + ", max parallelism " + operator.maxParallelism());
            TreeSet<String> listStates = new TreeSet<>();
            operator.subtasks().forEach(subtask -> listStates.addAll(subtask.operatorListState().keySet()));
            if (!listStates.isEmpty()) {
                context.out().println("  operator state: " + String.join(", ", listStates));
            }
            for (OperatorSubtaskState subtask : operator.subtasks()) {
                KeyedStateHandle keyed = subtask.keyedState();
                if (keyed != null) {
                    context.out().println("  subtask " + subtask.subtaskIndex() + ": key groups " + keyed.keyGroupRange()
                            + ", " + OfflineState.bytes(keyed.fullBytes()) + " in "
                            + keyed.files().size() + " files");
                }
            }
        }
        return ExitCode.OK;
    }
}
