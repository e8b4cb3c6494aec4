package io.spindle.state.checkpoint.storage;

import io.spindle.core.config.Configuration;
import io.spindle.core.config.ValueSource;
import io.spindle.core.options.CheckpointingOptions;
import org.apache.hadoop.fs.FileSystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Where checkpoints go when {@code execution.checkpointing.dir} is not set: for a job on a cluster, under the
 * submitting user's home on the cluster's default file system ({@code /user/<user>/.spindle/checkpoints} on HDFS);
 * for a job in one JVM, under the system's temporary directory.
 */
public final class CheckpointDirectoryDefaults {

    private CheckpointDirectoryDefaults() { }

    /** {@code <home>/.spindle/checkpoints} on the default file system of {@code hadoop}, fully qualified. */
    public static String onCluster(org.apache.hadoop.conf.Configuration hadoop) {
        try {
            FileSystem fs = FileSystem.get(hadoop);
            return fs.makeQualified(new org.apache.hadoop.fs.Path(fs.getHomeDirectory(), ".spindle/checkpoints"))
                    .toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the cluster's default file system for its home directory: "
                    + e.getMessage(), e);
        }
    }

    /** {@code <java.io.tmpdir>/spindle-checkpoints}, as a file URI. */
    public static String local() {
        return Path.of(System.getProperty("java.io.tmpdir"), "spindle-checkpoints").toUri().toString();
    }

    /** The configuration, with {@code directory} as the checkpoint directory if it names none. */
    public static Configuration withDefault(Configuration configuration, String directory, String why) {
        if (!configuration.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)) {
            configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(), directory,
                    new ValueSource.DerivedDefault(why));
        }
        return configuration;
    }
}
