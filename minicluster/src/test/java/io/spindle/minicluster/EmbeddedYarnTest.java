package io.spindle.minicluster;

import io.spindle.client.yarn.ApplicationStatus;
import io.spindle.client.yarn.SubmissionRequest;
import io.spindle.client.yarn.YarnApplications;
import io.spindle.client.yarn.YarnClusterException;
import io.spindle.client.yarn.YarnSubmission;
import io.spindle.master.resources.WorkerSpec;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real YARN applications on an {@link EmbeddedCluster}: container processes, shipped classpath, AM lifecycle. */
@Tag("integration")
class EmbeddedYarnTest {

    @TempDir
    static java.nio.file.Path directory;

    private static EmbeddedCluster cluster;
    private static java.nio.file.Path libraryDirectory;
    private static java.nio.file.Path jobJar;
    private static java.nio.file.Path configurationFile;

    @BeforeAll
    static void startClusterAndPrepareTheProbe() throws IOException {
        long start = System.nanoTime();
        cluster = EmbeddedCluster.start(directory.resolve("cluster"), 2);
        System.out.printf("EmbeddedCluster started in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        libraryDirectory = ShippedClasspath.libraryDirectory(directory.resolve("lib"));
        jobJar = ShippedClasspath.jobJar(directory.resolve("job.jar"));
        configurationFile = Files.writeString(directory.resolve("spindle-conf.yaml"), "parallelism.default: 1\n");
    }

    private static SubmissionRequest.Builder probe() {
        return SubmissionRequest.builder()
                .name("probe").queue("default").tags(Set.of("spindle-test")).maxAttempts(1)
                .master(512, 1).largestWorker(new WorkerSpec(256, 1))
                .masterMainClass(ProbeApplicationMaster.class.getName())
                .libraryDirectory(libraryDirectory).jobJar(jobJar).configurationFile(configurationFile);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void probeApplicationRunsWorkerProcessesFromTheShippedFilesAndSucceeds() throws Exception {
        Configuration hadoop = cluster.hadoopConfiguration();
        Path markers = new Path("/probe/markers");
        long start = System.nanoTime();
        ApplicationId id = new YarnSubmission(hadoop).submit(probe().masterArguments(List.of(markers.toString())).build());
        System.out.printf("Submitted %s in %d ms%n", id, (System.nanoTime() - start) / 1_000_000);

        ApplicationStatus finished;
        try (YarnApplications applications = YarnApplications.connect(hadoop)) {
            assertThat(applications.listUnfinished()).extracting(ApplicationStatus::id).contains(id);
            finished = applications.awaitFinished(id, Duration.ofSeconds(90),
                    status -> System.out.printf("%s %s after %d ms%n", id, status.state(), (System.nanoTime() - start) / 1_000_000));
        } catch (YarnClusterException e) {
            throw new AssertionError(e.getMessage() + "\n" + ContainerLogs.of(cluster, id.toString()), e);
        }

        assertThat(finished.finalStatus()).as(() -> ContainerLogs.of(cluster, id.toString()))
                .isEqualTo(FinalApplicationStatus.SUCCEEDED);
        assertThat(finished.diagnostics()).isEqualTo("worker exit statuses [0, 0, " + FailingWorker.EXIT_CODE + "]");
        try (FileSystem fileSystem = FileSystem.newInstance(hadoop)) {
            for (String marker : List.of("worker-1", "worker-2")) {
                try (FSDataInputStream in = fileSystem.open(new Path(markers, marker))) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .startsWith("container_" + id.getClusterTimestamp() + "_");
                }
            }
            Path staging = new Path(fileSystem.getHomeDirectory(), ".spindle/" + id);
            assertThat(fileSystem.getFileStatus(staging).getPermission()).isEqualTo(new FsPermission((short) 0700));
            assertThat(fileSystem.getFileStatus(new Path(staging, "secret")).getPermission())
                    .isEqualTo(new FsPermission((short) 0600));
        }
    }

    @Test
    void refusesAnApplicationMasterLargerThanTheClustersLargestContainer() {
        assertThatThrownBy(() -> new YarnSubmission(cluster.hadoopConfiguration()).submit(probe().master(16384, 1).build()))
                .isInstanceOf(YarnClusterException.class)
                .hasMessage("the ApplicationMaster needs 16384 MiB, more than this cluster's largest container, "
                        + "8192 MiB (yarn.scheduler.maximum-allocation-mb)");
    }

    /** In the soak profile: every build runs two clusters side by side in SavepointsOnYarnTest$OnAnotherCluster. */
    @Test
    @Tag("soak")
    void aSecondClusterRunsBesideTheFirstWithItsOwnPortsAndDirectory() throws Exception {
        int secondResourceManagerPort;
        try (EmbeddedCluster second = EmbeddedCluster.start(directory.resolve("second"), 1)) {
            assertThat(second.baseDirectory()).isNotEqualTo(cluster.baseDirectory());
            assertThat(second.fileSystemUri()).isNotEqualTo(cluster.fileSystemUri());
            assertThat(second.resourceManagerAddress()).isNotEqualTo(cluster.resourceManagerAddress());
            assertThat(second.resourceManagerWebAddress()).isNotEqualTo(cluster.resourceManagerWebAddress());
            assertThat(nodeManagers(cluster.hadoopConfiguration())).isEqualTo(2);
            assertThat(nodeManagers(second.hadoopConfiguration())).isEqualTo(1);

            second.writeConfDir(directory.resolve("second-conf"));
            Configuration fromFiles = new Configuration(false);
            for (String file : List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml")) {
                fromFiles.addResource(new Path(directory.resolve("second-conf").resolve(file).toUri()));
            }
            assertThat(fromFiles.get("fs.defaultFS")).isEqualTo(second.fileSystemUri().toString());
            assertThat(fromFiles.get("yarn.resourcemanager.address")).isEqualTo(second.resourceManagerAddress());
            assertThat(fromFiles.get("yarn.resourcemanager.scheduler.address")).isNotNull();
            assertThat(fromFiles.get("dfs.replication")).isEqualTo("1");
            secondResourceManagerPort = URI.create("http://" + second.resourceManagerAddress()).getPort();
        }
        try (ServerSocket reused = new ServerSocket(secondResourceManagerPort)) {
            assertThat(reused.getLocalPort()).isEqualTo(secondResourceManagerPort);
        }
    }

    private static int nodeManagers(Configuration hadoop) throws Exception {
        try (YarnClient yarn = YarnClient.createYarnClient()) {
            yarn.init(hadoop);
            yarn.start();
            return yarn.getYarnClusterMetrics().getNumNodeManagers();
        }
    }
}
