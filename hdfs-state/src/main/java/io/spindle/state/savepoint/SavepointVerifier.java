package io.spindle.state.savepoint;

import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.OperatorState;
import io.spindle.state.checkpoint.OperatorSubtaskState;
import io.spindle.state.checkpoint.StateFile;
import io.spindle.state.checkpoint.StateFiles;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CompositeCrcFileChecksum;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Options.ChecksumCombineMode;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.client.HdfsClientConfigKeys;
import org.apache.hadoop.util.DataChecksum;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Checks that every state file a checkpoint or savepoint references is there, whole and uncorrupted. */
public final class SavepointVerifier {

    private SavepointVerifier() { }

    /**
     * Reads every file the metadata references, in full, and compares its size and CRC32C with what the
     * metadata says. Reading through HDFS also checks every block against the checksums the DataNodes keep,
     * so this finds a disk's bit rot as well as a file changed after it was written.
     *
     * @return one line per problem, each naming the file: missing, size differs, checksum differs; empty if
     *         all is well
     * @throws IOException if a file cannot be read for another reason than its absence
     */
    public static List<String> verify(CompletedCheckpoint checkpoint, Configuration hadoopConfiguration)
            throws IOException {
        return check(checkpoint, hadoopConfiguration, true);
    }

    /**
     * What a client checks before it submits a restore: the same comparison as {@link #verify}, reading as little
     * as the file system allows. HDFS composes a file's CRC32C on the DataNodes from the checksums it keeps of
     * every block, so no state is transferred to the client; on file systems without such checksums (the local
     * one, object stores) the file is read. A file whose size is wrong is not read at all.
     *
     * @return one line per problem, each naming the file; empty if all is well
     */
    public static List<String> checkBeforeRestore(CompletedCheckpoint checkpoint, Configuration hadoopConfiguration)
            throws IOException {
        return check(checkpoint, hadoopConfiguration, false);
    }

    private static List<String> check(CompletedCheckpoint checkpoint, Configuration hadoopConfiguration,
                                      boolean readAll) throws IOException {
        Configuration compositeCrc = new Configuration(hadoopConfiguration);
        compositeCrc.set(HdfsClientConfigKeys.DFS_CHECKSUM_COMBINE_MODE_KEY, ChecksumCombineMode.COMPOSITE_CRC.name());
        List<String> problems = new ArrayList<>();
        // a new instance: the combine mode is read when an HDFS client is made, and cached ones are shared
        try (FileSystem opened = FileSystem.newInstance(new Path(checkpoint.stateRoot()).toUri(), compositeCrc)) {
            FileSystem fileSystem = opened instanceof LocalFileSystem local ? local.getRaw() : opened;
            for (StateFile expected : referencedFiles(checkpoint).values()) {
                String location = checkpoint.resolve(expected);
                Path path = new Path(location);
                try {
                    StateFiles.mismatch(expected, readAll ? read(fileSystem, path, expected, location)
                            : stored(fileSystem, path, expected, location), location).ifPresent(problems::add);
                } catch (FileNotFoundException e) {
                    problems.add(location + " is missing");
                }
            }
        }
        return problems;
    }

    private static StateFile read(FileSystem fileSystem, Path path, StateFile expected, String location)
            throws IOException {
        try (InputStream in = fileSystem.open(path)) {
            return StateFiles.read(in, expected.path(), location);
        }
    }

    /** The stored file as the file system describes it, read only if it knows no CRC32C of the whole file. */
    private static StateFile stored(FileSystem fileSystem, Path path, StateFile expected, String location)
            throws IOException {
        long size = fileSystem.getFileStatus(path).getLen();
        if (size != expected.size()) {
            return new StateFile(expected.path(), size, expected.checksum());
        }
        if (fileSystem.getFileChecksum(path) instanceof CompositeCrcFileChecksum composite
                && composite.getChecksumOpt().getChecksumType() == DataChecksum.Type.CRC32C) {
            return new StateFile(expected.path(), size, ByteBuffer.wrap(composite.getBytes()).getInt());
        }
        return read(fileSystem, path, expected, location);
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
