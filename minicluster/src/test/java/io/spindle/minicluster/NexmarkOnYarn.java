package io.spindle.minicluster;

import io.spindle.client.yarn.YarnApplications;
import io.spindle.examples.Nexmark;
import io.spindle.examples.nexmark.NexmarkReference;
import io.spindle.examples.nexmark.Totals;
import io.spindle.minicluster.ClusterUnderTest.Run;
import io.spindle.protocol.status.StatusDocument.EventKind;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nexmark query runs on a cluster under test, and what their checksum sinks published in HDFS. The runs' rates and
 * failure points are fractions of the number of events, so the same course works at any size.
 */
final class NexmarkOnYarn {

    /** Few enough for several runs side by side within the build; more than 20 s of event time. */
    static final long BUILD_EVENTS = 200_000;

    /** How each query's runs through a failure and through a stop and a restore at parallelism 3 ended. */
    record Outcome(Run failed, Run restored) { }

    private final ClusterUnderTest cluster;
    private final long events;

    NexmarkOnYarn(ClusterUnderTest cluster, long events) {
        this.cluster = cluster;
        this.events = events;
    }

    /**
     * Runs each query twice at parallelism 2, the queries side by side: once with subtask 0 of the split failing 80 % into
     * its share, after checkpoints; once slowed to 100 s of input and stopped with a savepoint 10 s after its first
     * record, then restored at parallelism 3 from that savepoint. The restored run would fail at 97 % of the share
     * subtask 0 of the split gets at parallelism 3 (43 of the 128 slices) if it started again from event 0; going on
     * from a savepoint taken more than 3 % into the input, it has fewer events left and does not fail.
     */
    Map<String, Outcome> runThroughAFailureAndARescale(List<String> queries) throws Exception {
        Map<String, Run> failed = new HashMap<>();
        for (String query : queries) {
            failed.put(query, run(query, query + "-failed", List.of("-p", "2"),
                    "--rate", String.valueOf(events / 4), "--fail-after", String.valueOf(events * 2 / 5)));
        }
        for (Run run : failed.values()) {
            run.exitCode(); // the next runs start on a quiet cluster
        }
        Map<String, Run> stopping = new HashMap<>();
        for (String query : queries) {
            stopping.put(query, run(query, query + "-stopped", List.of("-p", "2"),
                    "--rate", String.valueOf(events / 100)));
        }
        Map<String, Run> stops = new HashMap<>();
        try (YarnApplications yarn = YarnApplications.connect(cluster.cluster().hadoopConfiguration())) {
            for (String query : queries) {
                String application = stopping.get(query).awaitApplicationId();
                MasterStatus.await(yarn, YarnApplications.parseId(application),
                        "a completed checkpoint, 10 s after the first record",
                        document -> document.checkpoints().completed() > 0
                                && MasterStatus.eventMillis(document, EventKind.PROCESSING, 0)
                                .filter(start -> System.currentTimeMillis() - start >= 10_000).isPresent(),
                        ClusterUnderTest.JOB_TIMEOUT);
                stops.put(query, cluster.spindle("stop", application));
            }
        }
        Map<String, Outcome> outcomes = new HashMap<>();
        for (String query : queries) {
            Run stop = stops.get(query);
            assertThat(stop.exitCode()).as(stop::describe).isZero();
            Run restored = run(query, query + "-restored", List.of("-s", stop.completedSavepoint(), "-p", "3"),
                    "--fail-after", String.valueOf(events * 43 / 128 * 97 / 100));
            outcomes.put(query, new Outcome(failed.get(query), restored));
        }
        return outcomes;
    }

    /** The run through a failure restarted from a checkpoint and gave {@code expected}. */
    void assertRestartedRunGave(Map<String, Outcome> outcomes, String query, Totals expected) throws Exception {
        Run run = outcomes.get(query).failed();
        assertThat(run.exitCode()).as(run::describe).isZero();
        assertThat(run.out()).as(run::describe).contains("restart 1 in", "from checkpoint");
        assertThat(totals(query + "-failed")).isEqualTo(expected);
    }

    /** The run restored at parallelism 3 went on from the savepoint (it did not fail) and gave {@code expected}. */
    void assertRestoredRunGave(Map<String, Outcome> outcomes, String query, Totals expected) throws Exception {
        Run run = outcomes.get(query).restored();
        assertThat(run.exitCode()).as(run::describe).isZero();
        assertThat(run.out()).as("went on from the savepoint: no failure near the end of a fresh start")
                .doesNotContain("restart 1 in");
        assertThat(totals(query + "-restored")).isEqualTo(expected);
    }

    /** {@code spindle run <options> -c Nexmark} of the query over this many events into output {@code name}. */
    Run run(String query, String name, List<String> options, String... arguments) {
        List<String> jobArguments = new ArrayList<>(List.of("--query", query, "--events", String.valueOf(events),
                "--output", cluster.output(name)));
        jobArguments.addAll(List.of(arguments));
        return cluster.runJob(Nexmark.class.getName(), options, jobArguments.toArray(String[]::new));
    }

    /** The sum of the totals the sink's subtasks published under output {@code name}. */
    Totals totals(String name) throws IOException {
        return published(name).stream().map(Totals::parse).reduce(Totals.NONE, Totals::plus);
    }

    /** What the query gives over this many events: the in-memory reference, which matches Flink's results. */
    Totals reference(String query) {
        return NexmarkReference.totals(NexmarkReference.rows(query, events));
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
