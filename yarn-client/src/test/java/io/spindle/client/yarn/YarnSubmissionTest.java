package io.spindle.client.yarn;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.util.Records;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the user sees when a submission cannot start; the successful path runs on the embedded cluster. */
class YarnSubmissionTest {

    @TempDir
    Path directory;

    private SubmissionRequest.Builder request;

    @BeforeEach
    void localFiles() throws IOException {
        Path libs = Files.createDirectories(directory.resolve("lib"));
        Files.writeString(libs.resolve("runtime.jar"), "jar");
        request = SubmissionRequest.builder().name("probe").masterMainClass("io.spindle.Master")
                .libraryDirectory(libs)
                .jobJar(Files.writeString(directory.resolve("job.jar"), "jar"))
                .configurationFile(Files.writeString(directory.resolve("spindle-conf.yaml"), "parallelism.default: 1\n"));
    }

    @Test
    void saysInOneLineThatTheResourceManagerCannotBeReached() throws IOException {
        Configuration hadoop = new Configuration(false);
        String address = "localhost:" + unusedPort();
        hadoop.set("yarn.resourcemanager.address", address);
        hadoop.set("yarn.resourcemanager.connect.max-wait.ms", "2000");

        long start = System.nanoTime();
        assertThatThrownBy(() -> new YarnSubmission(hadoop).submit(request.build()))
                .isInstanceOf(YarnClusterException.class)
                .hasMessage("could not create an application: cannot reach the YARN ResourceManager at " + address
                        + " (Connection refused); is HADOOP_CONF_DIR right?");
        assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(20);
    }

    @Test
    void namesAMissingJobJarBeforeContactingTheCluster() {
        Path missing = directory.resolve("missing.jar");

        assertThatThrownBy(() -> new YarnSubmission(new Configuration(false)).submit(request.jobJar(missing).build()))
                .isInstanceOf(YarnClusterException.class)
                .hasMessage("cannot submit: " + missing + " does not exist or is not a file");
    }

    @Test
    void asksTheNodeManagersToUploadTheRolledOverLogsWhileTheApplicationRuns() {
        ApplicationSubmissionContext context = Records.newRecord(ApplicationSubmissionContext.class);

        YarnSubmission.describe(context, request.rolledLogsIncludePattern("spindle\\.log\\.\\d+").build(),
                Records.newRecord(ContainerLaunchContext.class));

        assertThat(context.getLogAggregationContext().getRolledLogsIncludePattern()).isEqualTo("spindle\\.log\\.\\d+");
        assertThat(context.getLogAggregationContext().getIncludePattern()).isNull();
    }

    @Test
    void leavesLogAggregationToTheClusterWithoutARolledLogsPattern() {
        ApplicationSubmissionContext context = Records.newRecord(ApplicationSubmissionContext.class);

        YarnSubmission.describe(context, request.build(), Records.newRecord(ContainerLaunchContext.class));

        assertThat(context.getLogAggregationContext()).isNull();
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
