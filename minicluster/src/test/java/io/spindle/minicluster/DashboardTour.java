package io.spindle.minicluster;

import io.spindle.client.yarn.ApplicationSecret;
import io.spindle.client.yarn.ApplicationStatus;
import io.spindle.client.yarn.YarnApplications;
import io.spindle.minicluster.ClusterUnderTest.Run;
import io.spindle.protocol.status.StatusDocument;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard as a YARN user sees it: the tracking URL the ResourceManager gives (its web proxy,
 * {@code /proxy/<application id>/}) opened in headless Chromium, every page clicked through, with one
 * KeyedCounts job running that has restarted once after a worker was SIGKILLed. Screenshots of each page go to
 * {@code target/dashboard}. A subclass nested in a test class gives the cluster, which the tests share.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DashboardTour {

    private static final Path SCREENSHOTS = Path.of("target", "dashboard");

    private YarnApplications yarn;
    private ApplicationId application;
    private String trackingUrl;
    private HeadlessChromium browser;

    abstract ClusterUnderTest cluster();

    @BeforeAll
    void runAJobThatRestartedOnceAndOpenItsTrackingUrl() throws Exception {
        assumeTrue(HeadlessChromium.available(), HeadlessChromium.MISSING);
        Run run = cluster().run(List.of("-d", "-D", "restart-strategy.fixed-delay.attempts=5"),
                "--keys", "100", "--rate", "500");
        assertThat(run.exitCode()).as(run::describe).isZero();
        yarn = YarnApplications.connect(cluster().cluster().hadoopConfiguration());
        application = YarnApplications.parseId(run.out().strip());
        MasterStatus.await(yarn, application, "a completed checkpoint",
                document -> MasterStatus.allTasksRunning(document) && document.checkpoints().completed() > 0,
                ClusterUnderTest.JOB_TIMEOUT);
        cluster().containerProcesses(application.toString(), "WorkerMain").get(0).destroyForcibly();
        MasterStatus.await(yarn, application, "running again after a restart",
                document -> document.restarts() == 1 && MasterStatus.allTasksRunning(document),
                ClusterUnderTest.JOB_TIMEOUT);
        ApplicationStatus status = yarn.status(application);
        trackingUrl = status.trackingUrl();
        browser = HeadlessChromium.start(Path.of("target", "chromium-profile"), SCREENSHOTS);
        browser.open(trackingUrl);
    }

    @AfterAll
    void cancelTheJobAndCloseTheBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (yarn != null) {
            cluster().spindle("cancel", application.toString()).exitCode();
            yarn.close();
        }
    }

    @Test
    void theTrackingUrlIsTheResourceManagersProxy() {
        assertThat(trackingUrl).contains("/proxy/" + application + "/");
        assertThat(browser.currentUrl()).contains("/proxy/" + application + "/");
    }

    @Test
    void theOverviewShowsWhatStatusSays() throws Exception {
        browser.click("nav-overview");
        StatusDocument before = statusThroughTheProxy();
        String state = browser.text("overview-state");
        // the page shows a status up to one refresh old: wait for a drawing from after `before`
        long completed = browser.await("the overview drawn after the first status", page -> {
            long shown = Long.parseLong(browser.text("overview-checkpoints-completed"));
            return shown >= before.checkpoints().completed() ? shown : null;
        });
        StatusDocument after = statusThroughTheProxy();
        browser.screenshot("overview");

        assertThat(browser.text("overview-application")).isEqualTo(application.toString());
        assertThat(state).isEqualTo(after.state());
        assertThat(browser.text("overview-attempt")).isEqualTo(String.valueOf(after.attempt()));
        assertThat(browser.text("overview-restarts")).isEqualTo("1");
        assertThat(completed).isBetween(before.checkpoints().completed(), after.checkpoints().completed());
        assertThat(browser.texts("#overview-containers tbody tr")).hasSize(after.containers().size());
        assertThat(browser.attributes("#overview-containers a", "href")).isNotEmpty()
                .allSatisfy(logs -> assertThat(logs).contains("/node/containerlogs/container_"));
        assertThat(browser.texts("#overview-master-logs a")).hasSize(1);
        assertThat(browser.texts("#overview-tasks tbody tr")).hasSize(after.tasks().size());
    }

    @Test
    void theOverviewTakesASavepointThroughTheProxyOnlyWithTheApplicationsSecret() throws Exception {
        browser.click("nav-overview");
        browser.type("actions-secret", "0".repeat(64));
        browser.click("action-savepoint");
        String refused = browser.textContaining("actions-result", "secret");
        int requestsBefore = statusThroughTheProxy().savepoints().size();

        browser.type("actions-secret", ApplicationSecret.read(cluster().cluster().hadoopConfiguration(),
                Optional.empty(), application));
        browser.click("action-savepoint");
        String accepted = browser.textContaining("actions-result", "accepted");
        browser.screenshot("actions");
        StatusDocument status = MasterStatus.await(yarn, application, "the dashboard's savepoint completed",
                document -> document.savepoints().stream().anyMatch(s -> s.state().equals("COMPLETED")),
                ClusterUnderTest.JOB_TIMEOUT);

        assertThat(refused).contains("/savepoint needs the application's secret");
        assertThat(requestsBefore).isZero();
        assertThat(accepted).startsWith("savepoint request 1 accepted");
        assertThat(status.savepoint(1).flatMap(StatusDocument.Savepoint::path)).hasValueSatisfying(path ->
                assertThat(path).contains("/savepoints/savepoint-"));
        assertThat(status.state()).isEqualTo("RUNNING");
    }

    @Test
    void theGraphPageDrawsEveryTaskWithItsParallelismAndRates() throws Exception {
        browser.click("nav-graph");
        // the rates come with the workers' heartbeats (every second here); the generator's, once it emits
        List<String> vertices = browser.await("the job graph with the generator's rate", page -> {
            List<String> drawn = browser.texts("#graph-svg g.vertex");
            return drawn.size() >= 2 && drawn.stream().allMatch(text -> text.contains(" in/s"))
                    && drawn.stream().anyMatch(text -> text.contains("generator") && !text.contains(", 0 out/s"))
                    ? drawn : null;
        });
        browser.screenshot("graph");

        assertThat(vertices).anySatisfy(text -> assertThat(text).contains("generator", "parallelism 2", "out/s",
                "backpressured"));
        assertThat(browser.texts("#graph-svg line.edge")).isNotEmpty();
    }

    @Test
    void theCheckpointsPageListsCompletedCheckpointsAndTheRetainedOne() throws Exception {
        browser.click("nav-checkpoints");
        String completed = browser.await("a completed checkpoint in the history", page ->
                browser.texts("#checkpoints-history tbody tr").stream()
                        .filter(row -> row.contains("COMPLETED") && row.contains("/chk-")).findFirst().orElse(null));
        browser.screenshot("checkpoints");

        assertThat(completed).contains("checkpoint", "/checkpoints/" + application + "/chk-");
        // duration, then the slowest subtask's alignment, sync and async parts
        assertThat(completed).containsPattern("\\d+ ms\\s+\\d+ ms\\s+\\d+ ms\\s+\\d+ ms");
        assertThat(browser.texts("#checkpoints-history thead th")).contains("alignment", "sync", "async");
        assertThat(browser.texts("#checkpoints-retained li"))
                .anySatisfy(path -> assertThat(path).contains("/checkpoints/" + application + "/chk-"));
    }

    @Test
    void theExceptionsPageShowsTheRestartWithItsDelayAndCause() throws Exception {
        browser.click("nav-exceptions");
        String restart = browser.await("the restart", page -> browser.texts("#exceptions-list tbody tr").stream()
                .filter(row -> row.contains("restarting")).findFirst().orElse(null));
        browser.screenshot("exceptions");

        assertThat(restart).contains("restart 1 in", "ms after:");
    }

    @Test
    void theConfigurationPageShowsEachValueAndWhereItCameFrom() throws Exception {
        browser.click("nav-configuration");
        browser.await("the configuration", page -> browser.texts("#configuration-entries tbody tr").size() > 10);
        browser.screenshot("configuration");

        assertThat(row("restart-strategy.fixed-delay.attempts")).isEqualTo(
                "restart-strategy.fixed-delay.attempts 5 -D");
        assertThat(row("parallelism.default")).startsWith("parallelism.default 2 ").endsWith("spindle-conf.yaml:4");
    }

    @Test
    void aJobWaitingForWorkersSaysSoOnItsOverview() throws Exception {
        Run run = cluster().run(List.of("-d", "-p", "3", "-D", "taskmanager.memory.process.size=6000m",
                "-D", "restart-strategy.type=none"), "--keys", "10", "--rate", "10");
        assertThat(run.exitCode()).as(run::describe).isZero();
        ApplicationId waiting = YarnApplications.parseId(run.out().strip());
        try {
            MasterStatus.await(yarn, waiting, "waiting for workers", document -> document.waiting().isPresent(),
                    ClusterUnderTest.JOB_TIMEOUT);
            browser.open(yarn.status(waiting).trackingUrl());
            // two of the three fit, one on each NodeManager; the page follows as they are granted
            String line = browser.await("the waiting line for the third worker", page -> {
                String text = browser.texts("#overview-waiting").get(0);
                return text.startsWith("waiting for 1 of 3") ? text : null;
            });
            browser.screenshot("waiting");

            assertThat(line).matches("waiting for 1 of 3 workers of 6000 MiB for \\d+ s; the cluster has \\d+ MiB "
                    + "free in queue root\\.default");
        } finally {
            cluster().spindle("cancel", waiting.toString()).exitCode();
            browser.open(trackingUrl);
        }
    }

    /** The text of the configuration page's row of {@code key}. */
    private String row(String key) {
        return browser.texts("#configuration-entries tbody tr").stream()
                .filter(text -> text.startsWith(key + " ")).findFirst().orElseThrow();
    }

    private StatusDocument statusThroughTheProxy() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(trackingUrl).resolve("status")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StatusDocument.parse(response.body());
    }
}
