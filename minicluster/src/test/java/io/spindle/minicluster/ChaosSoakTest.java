package io.spindle.minicluster;

import io.spindle.examples.Sequence;
import io.spindle.minicluster.ClusterUnderTest.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long runs under repeated SIGKILLs ({@code mvn verify -Psoak}): Sequence writes 1,500,000 lines on three
 * NodeManagers while twelve worker and two ApplicationMaster SIGKILLs hit it, each after a checkpoint completed
 * since the last kill; every line is there exactly once.
 */
@Tag("soak")
@Tag("integration")
class ChaosSoakTest {

    private static final long RECORDS = 1_500_000;

    @TempDir
    static java.nio.file.Path directory;

    private static ClusterUnderTest cluster;

    @BeforeAll
    static void startCluster() throws IOException {
        cluster = ClusterUnderTest.start(directory, 3);
    }

    @AfterAll
    static void stopCluster() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void sequenceWritesEveryLineOnceThroughTwelveWorkerAndTwoMasterKills() throws Exception {
        Run run = cluster.runJob(Sequence.class.getName(), List.of("-D", "restart-strategy.fixed-delay.attempts=100",
                "-D", "yarn.application-attempts=10"), "--records", String.valueOf(RECORDS), "--rate", "8000",
                "--output", cluster.output("chaos"));
        String application = run.awaitApplicationId();
        List<String> victims = new ArrayList<>();
        for (int kill = 1; kill <= 14; kill++) {
            victims.add(kill == 5 || kill == 10 ? "ApplicationMasterMain" : "WorkerMain");
        }
        long checkpoint = 0;
        for (String victim : victims) {
            checkpoint = cluster.awaitCompletedCheckpointAfter(application, checkpoint);
            cluster.containerProcesses(application, victim).get(0).destroyForcibly();
        }

        assertThat(run.exitCode()).as(run::describe).isZero();
        assertThat(Sequence.problems(cluster.lineNumbers("chaos"), RECORDS)).as(run::describe).isEmpty();
        assertThat(run.out()).contains("master attempt 3");
    }
}
