package io.spindle.minicluster;

import sun.misc.Signal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code spindle minicluster [--dir D] [--nodemanagers N]}: runs an {@link EmbeddedCluster} until
 * SIGINT, SIGTERM or SIGHUP, with its client configuration in {@code D/conf}; then stops it and
 * deletes what it wrote. Without {@code --dir}, D is a new temporary directory. Run it with
 * {@code conf/log4j2-minicluster.properties} to keep Hadoop's server logs off the console.
 */
public final class EmbeddedClusterMain {

    private static final int DEFAULT_NODE_MANAGERS = 2;

    private EmbeddedClusterMain() { }

    public static void main(String[] args) throws InterruptedException {
        Path directory = null;
        int nodeManagers = DEFAULT_NODE_MANAGERS;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dir" -> directory = Path.of(value(args, ++i, "--dir"));
                    case "--nodemanagers" -> nodeManagers = count(value(args, ++i, "--nodemanagers"));
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("minicluster: " + e.getMessage() + "; usage: minicluster [--dir D] [--nodemanagers N]");
            System.exit(2);
        }
        CountDownLatch stopRequested = new CountDownLatch(1);
        for (String signal : new String[] {"INT", "TERM", "HUP"}) {
            Signal.handle(new Signal(signal), received -> stopRequested.countDown());
        }
        int exitCode = run(directory, nodeManagers, stopRequested);
        System.exit(exitCode);
    }

    /**
     * Stops on a signal in this thread rather than in a shutdown hook: during JVM shutdown, Hadoop's
     * own hook manager refuses the calls that stopping a DataNode makes, and the cluster would be
     * left half stopped with its files behind.
     */
    private static int run(Path requestedDirectory, int nodeManagers, CountDownLatch stopRequested)
            throws InterruptedException {
        Path directory;
        EmbeddedCluster cluster;
        long start = System.nanoTime();
        try {
            directory = requestedDirectory != null ? requestedDirectory : Files.createTempDirectory("spindle-minicluster-");
            cluster = EmbeddedCluster.start(directory.resolve("cluster"), nodeManagers);
        } catch (IOException | RuntimeException e) {
            System.err.println("minicluster: could not start: " + e.getMessage());
            return 1;
        }
        Path confDirectory = directory.resolve("conf").toAbsolutePath();
        try {
            cluster.writeConfDir(confDirectory);
            System.out.printf("HDFS:  %s%n", cluster.fileSystemUri());
            System.out.printf("YARN:  ResourceManager %s, web UI http://%s/ (%d NodeManagers)%n",
                    cluster.resourceManagerAddress(), cluster.resourceManagerWebAddress(), nodeManagers);
            System.out.printf("Started in %.1f s. Use it from another shell with:%n", (System.nanoTime() - start) / 1e9);
            System.out.println("export HADOOP_CONF_DIR=" + confDirectory);
            System.out.println("Stop with Ctrl-C.");
            stopRequested.await();
            System.err.println("minicluster: stopping");
            return 0;
        } catch (IOException e) {
            System.err.println("minicluster: " + e.getMessage());
            return 1;
        } finally {
            cluster.close();
            deleteRecursively(cluster.baseDirectory());
            deleteRecursively(confDirectory);
            deleteIfEmpty(directory);
        }
    }

    private static int count(String text) {
        try {
            int count = Integer.parseInt(text);
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--nodemanagers needs a number of at least 1, got '" + text + "'");
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteIfEmpty(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
