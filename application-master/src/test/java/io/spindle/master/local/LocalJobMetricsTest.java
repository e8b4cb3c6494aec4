package io.spindle.master.local;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Sources;
import io.spindle.core.config.Configuration;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The metrics of a job run by the local executor: the same job master, workers as threads of this JVM. */
class LocalJobMetricsTest {

    private static final Pattern COUNTED =
            Pattern.compile("spindle_task_numRecordsIn_total\\{[^}]*vertex=\"count -> out\"} (\\S+)");

    private static String scrape(LocalJob job) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(text, job.metrics().collect(), EscapingScheme.DEFAULT);
        return text.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLocalJobReportsItsRecordsItsRocksDbAndItsJvm() throws Exception {
        SpindleJob job = (builder, params) -> builder
                .source("generator", Sources.unboundedGenerator(i -> i % 100, Codecs.LONG, 20_000))
                .keyBy(i -> i, Codecs.LONG)
                .process("count", new LocalCheckpointingTest.Count(), Codecs.LONG)
                .sink("out", Sinks.discard());
        LocalJob running = new LocalExecutor(Configuration.fromMap(Map.of("heartbeat.interval", "50 ms")))
                .start(job, JobParams.of(Map.of()));
        String text = "";
        try {
            for (int i = 0; i < 400 && !(counted(text) > 0 && text.contains("rocksdb_estimate_live_data_size")); i++) {
                Thread.sleep(50);
                text = scrape(running);
            }
        } finally {
            running.cancel();
        }

        assertThat(counted(text)).as(text).isPositive();
        assertThat(text).contains("spindle_task_numRecordsOut_total{attempt=\"0\",", "vertex=\"generator\"}",
                "spindle_operator_numRecordsIn_total{", "operator=\"count\"",
                "spindle_task_rocksdb_estimate_live_data_size{", "spindle_worker_jvm_memory_heap_used_bytes{",
                "spindle_job_numRestarts{");
    }

    private static double counted(String text) {
        Matcher matcher = COUNTED.matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
