package io.spindle.client.cli;

import io.spindle.core.graph.StateDeclaration;
import io.spindle.core.graph.StateKind;
import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.OperatorState;
import io.spindle.state.checkpoint.OperatorSubtaskState;
import io.spindle.state.checkpoint.StateFile;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import io.spindle.state.savepoint.SavepointVerifier;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.hadoop.conf.Configuration;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * {@code spindle savepoint-info <path> [--verify]}: what a checkpoint or savepoint holds, read offline; with
 * {@code --verify}, whether every file it references is there, whole and uncorrupted.
 */
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
        return "operators, states, key groups and sizes of a savepoint or checkpoint";
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder().longOpt("verify")
                .desc("read every file and check its size and checksum").build());
    }

    @Override
    public int run(CommandLine line, CliContext context) {
        String path = OfflineState.singlePath(line, "checkpoint or savepoint");
        Configuration hadoop = OfflineState.hadoopConfiguration();
        CompletedCheckpoint checkpoint = OfflineState.badInputOnFailure(() -> CheckpointStorage.load(path, hadoop));
        describe(checkpoint, context.out());
        if (!line.hasOption("verify")) {
            return ExitCode.OK;
        }
        List<String> problems = OfflineState.badInputOnFailure(() -> SavepointVerifier.verify(checkpoint, hadoop));
        if (!problems.isEmpty()) {
            // the first problem on the error line itself; more, if any, one per line below it
            context.err().println("spindle savepoint-info: " + checkpoint.directory() + " is corrupt: "
                    + problems.get(0) + (problems.size() == 1 ? ""
                    : " (and " + OfflineState.count(problems.size() - 1, "more problem") + ", listed below)"));
            problems.subList(1, problems.size()).forEach(context.err()::println);
            return ExitCode.BAD_INPUT;
        }
        Collection<StateFile> files = SavepointVerifier.referencedFiles(checkpoint).values();
        context.out().println("verified " + OfflineState.count(files.size(), "file") + ", "
                + OfflineState.bytes(files.stream().mapToLong(StateFile::size).sum()));
        return ExitCode.OK;
    }

    private static void describe(CompletedCheckpoint checkpoint, PrintStream out) {
        CheckpointMetadata metadata = checkpoint.metadata();
        // the metadata, not the directory's name, says what it is: a checkpoint copied elsewhere is still one
        String kind = metadata.isSavepoint() ? metadata.savepointFormat() + " savepoint"
                : "checkpoint " + metadata.checkpointId();
        out.println(kind + " of job '" + metadata.jobName() + "' (" + metadata.jobId() + ") at "
                + checkpoint.directory());
        out.println("taken " + Instant.ofEpochMilli(metadata.timestampMillis()) + ", full size "
                + OfflineState.bytes(metadata.fullBytes())
                + (metadata.isSavepoint() ? "" : ", incremental " + OfflineState.bytes(metadata.incrementalBytes())));
        for (OperatorState operator : metadata.operators()) {
            List<KeyedStateHandle> keyed = operator.subtasks().stream().map(OperatorSubtaskState::keyedState)
                    .filter(Objects::nonNull).toList();
            out.println("operator '" + operator.operatorName() + "': parallelism " + operator.parallelism()
                    + ", max parallelism " + operator.maxParallelism()
                    + (keyed.isEmpty() ? "" : ", keyed state " + sizeAndFiles(keyed)));
            TreeSet<String> undeclared = new TreeSet<>();
            operator.subtasks().forEach(subtask -> undeclared.addAll(subtask.operatorListState().keySet()));
            for (StateDeclaration state : operator.states()) {
                out.println("  " + (state.keyed() ? "keyed " : "operator ") + (state.kind() == StateKind.TIMERS
                        ? "timers '" + state.name() + "'"
                        : state.kind().name().toLowerCase(Locale.ROOT) + " state '" + state.name() + "', codec "
                                + state.codecId())
                        + (state.namespaced() ? ", namespace codec " + state.namespaceCodecId() : ""));
                undeclared.remove(state.name());
            }
            // sources and sinks keep their positions and pending files in list state the job never declares
            undeclared.forEach(name -> out.println("  operator list state '" + name + "' of the connector"));
            for (OperatorSubtaskState subtask : operator.subtasks()) {
                if (subtask.keyedState() != null) {
                    out.println("  subtask " + subtask.subtaskIndex() + ": key groups "
                            + subtask.keyedState().keyGroupRange() + ", " + sizeAndFiles(List.of(subtask.keyedState())));
                }
            }
        }
    }

    /** The keyed states of an operator share their files, so sizes are per subtask and operator, not per state. */
    private static String sizeAndFiles(List<KeyedStateHandle> handles) {
        return OfflineState.bytes(handles.stream().mapToLong(KeyedStateHandle::fullBytes).sum()) + " in "
                + OfflineState.count(handles.stream().mapToInt(h -> h.files().size()).sum(), "file");
    }
}
