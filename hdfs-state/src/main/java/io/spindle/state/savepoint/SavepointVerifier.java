package io.spindle.state.savepoint;

import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.OperatorState;
import io.spindle.state.checkpoint.OperatorSubtaskState;
import io.spindle.state.checkpoint.StateFile;
import io.spindle.state.checkpoint.StateFiles;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import io.spindle.state.fs.HadoopFileAccess;
import io.spindle.state.rocksdb.HadoopSnapshotFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Checks that every state file a checkpoint or savepoint references is there, whole and uncorrupted. */
public final class SavepointVerifier {

    private SavepointVerifier() { }

    /**
     * Reads every file the metadata references, in full, and compares its size and CRC32C with what the
     * metadata says.
     *
     * @return one line per problem, each naming the file: missing, size differs, checksum differs; empty if
     *         all is well
     * @throws IOException if a file cannot be read for another reason than its absence
     */
    public static List<String> verify(CompletedCheckpoint checkpoint, Configuration hadoopConfiguration)
            throws IOException {
        HadoopSnapshotFiles files = HadoopSnapshotFiles.forDirectory(checkpoint.stateRoot(), hadoopConfiguration);
        List<String> problems = new ArrayList<>();
        for (StateFile expected : referencedFiles(checkpoint).values()) {
            String location = checkpoint.resolve(expected);
            StateFile found;
            try (InputStream in = files.open(expected, 0)) {
                found = StateFiles.read(in, expected.path(), location);
            } catch (FileNotFoundException e) {
                problems.add(location + " is missing");
                continue;
            }
            StateFiles.mismatch(expected, found, location).ifPresent(problems::add);
        }
        return problems;
    }

    /**
     * The cheap half of {@link #verify}: every referenced file is there with the size the metadata says, seen
     * from the file system's listing without reading it. What a client checks before it submits a restore;
     * the checksums are checked as the tasks download the files.
     *
     * @return one line per problem, each naming the file; empty if all is well
     */
    public static List<String> checkPresence(CompletedCheckpoint checkpoint, Configuration hadoopConfiguration)
            throws IOException {
        List<String> problems = new ArrayList<>();
        FileSystem fileSystem = new HadoopFileAccess(hadoopConfiguration).fileSystem(new Path(checkpoint.stateRoot()));
        for (StateFile expected : referencedFiles(checkpoint).values()) {
            String location = checkpoint.resolve(expected);
            long size;
            try {
                size = fileSystem.getFileStatus(new Path(location)).getLen();
            } catch (FileNotFoundException e) {
                problems.add(location + " is missing");
                continue;
            }
            // the listing knows no checksum: only the size can differ here
            StateFiles.mismatch(expected, new StateFile(expected.path(), size, expected.checksum()), location)
                    .ifPresent(problems::add);
        }
        return problems;
    }

    /** Every state file of the checkpoint once, by path. */
    public static Map<String, StateFile> referencedFiles(CompletedCheckpoint checkpoint) {
        Map<String, StateFile> files = new TreeMap<>();
        for (OperatorState operator : checkpoint.metadata().operators()) {
            for (OperatorSubtaskState subtask : operator.subtasks()) {
                KeyedStateHandle keyed = subtask.keyedState();
                if (keyed != null) {
                    keyed.files().forEach(file -> files.put(file.path(), file));
                }
            }
        }
        return files;
    }
}
