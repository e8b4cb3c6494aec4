package io.spindle.minicluster;

import io.spindle.examples.Nexmark;
import io.spindle.examples.nexmark.NexmarkReference;
import io.spindle.examples.nexmark.Totals;
import io.spindle.minicluster.ClusterUnderTest.Run;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Nexmark query runs on a cluster under test, and what their checksum sinks published in HDFS. */
final class NexmarkOnYarn {

    /** Few enough for several runs side by side within the build; more than 20 s of event time. */
    static final long EVENTS = 200_000;

    private final ClusterUnderTest cluster;

    NexmarkOnYarn(ClusterUnderTest cluster) {
        this.cluster = cluster;
    }

    /** {@code spindle run <options> -c Nexmark} of the query over {@link #EVENTS} events into output {@code name}. */
    Run run(String query, String name, List<String> options, String... arguments) {
        List<String> jobArguments = new ArrayList<>(List.of("--query", query, "--events", String.valueOf(EVENTS),
                "--output", cluster.output(name)));
        jobArguments.addAll(List.of(arguments));
        return cluster.runJob(Nexmark.class.getName(), options, jobArguments.toArray(String[]::new));
    }

    /** The sum of the totals the sink's subtasks published under output {@code name}. */
    Totals totals(String name) throws IOException {
        return published(name).stream().map(Totals::parse).reduce(Totals.NONE, Totals::plus);
    }

    /** What the query gives over {@link #EVENTS} events: the in-memory reference, which matches Flink's results. */
    static Totals reference(String query) {
        return NexmarkReference.totals(NexmarkReference.rows(query, EVENTS));
    }

    private List<String> published(String name) throws IOException {
        List<String> files = new ArrayList<>();
        for (FileStatus file : cluster.fileSystem().listStatus(new Path(cluster.output(name)))) {
            if (file.getPath().getName().startsWith("checksum-")) {
                try (FSDataInputStream in = cluster.fileSystem().open(file.getPath())) {
                    files.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }
}
