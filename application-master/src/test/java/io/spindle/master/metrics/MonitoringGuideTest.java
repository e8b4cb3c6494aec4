package io.spindle.master.metrics;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/monitoring.md names every metric the AM may serve, so that a metric added without its documentation fails. */
class MonitoringGuideTest {

    @Test
    void theMonitoringGuideNamesEveryMetric() throws IOException {
        String guide = Files.readString(repositoryRoot().resolve("docs/monitoring.md"));

        assertThat(JobMetricsCollector.names()).allSatisfy(name -> assertThat(guide).contains("`" + name + "`"));
    }

    /** The nearest directory above the module's (where Maven runs the test) that holds docs/. */
    private static Path repositoryRoot() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isDirectory(directory.resolve("docs"))) {
                return directory;
            }
        }
        throw new AssertionError("no docs/ directory above " + Path.of("").toAbsolutePath());
    }
}
