package io.spindle.master.rest;

import io.spindle.protocol.status.StatusDocument;

import java.util.List;
import java.util.Map;

/**
 * The Prometheus HTTP service-discovery document of {@code GET /prometheus-sd}: one target group, this master's
 * {@code /metrics}, labelled with the job's id and name.
 */
final class PrometheusServiceDiscovery {

    private PrometheusServiceDiscovery() { }

    static List<Object> document(String hostPort, StatusDocument status) {
        return List.of(Map.of("targets", List.of(hostPort),
                "labels", Map.of("__metrics_path__", MetricsHandler.PATH, "spindle_job_id", status.application(),
                        "spindle_job_name", status.job())));
    }
}
