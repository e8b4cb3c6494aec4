package io.spindle.minicluster;

import io.spindle.core.io.LocalFiles;
import sun.misc.Signal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A program on an embedded cluster of its own, as {@code spindle demo} and {@code spindle-bench W4} run: starts
 * the cluster in a new temporary directory, runs the program, stops the cluster, deletes the directory and ends
 * the JVM with the program's exit code (1 if it throws). Progress lines go to stdout, after the program's name.
 */
final class OneShotCluster {

    interface Program {
        /** Returns the exit code; the directory is the program's to use, the cluster's files are under it. */
        int run(EmbeddedCluster cluster, Path directory) throws Exception;
    }

    private final String name;

    OneShotCluster(String name) {
        this.name = name;
    }

    void run(Program program) throws Exception {
        Signal.handle(new Signal("INT"), signal -> System.exit(130));
        Path directory = Files.createTempDirectory("spindle-" + name + "-");
        int exitCode;
        try (EmbeddedCluster cluster = start(directory)) {
            exitCode = program.run(cluster, directory);
        } catch (Exception e) {
            // ended here rather than thrown: Hadoop's threads could keep the JVM alive
            System.err.println(name + ": failed: " + e);
            exitCode = 1;
        }
        LocalFiles.deleteRecursively(directory);
        System.exit(exitCode);
    }

    void say(String line) {
        System.out.println(name + ": " + line);
    }

    private EmbeddedCluster start(Path directory) throws IOException {
        say("starting an embedded HDFS and YARN (2 NodeManagers) in " + directory);
        long start = System.nanoTime();
        EmbeddedCluster cluster = EmbeddedCluster.start(directory.resolve("cluster"), 2);
        say(String.format("cluster up in %.1f s: HDFS %s", (System.nanoTime() - start) / 1e9, cluster.fileSystemUri()));
        return cluster;
    }
}
