package io.spindle.protocol.metrics;

/** A metric's name (without prefix or {@code _total}), kind and the help text Prometheus shows. */
public record MetricDefinition(String name, MetricKind kind, String help) {

    public static MetricDefinition counter(String name, String help) {
        return new MetricDefinition(name, MetricKind.COUNTER, help);
    }

    public static MetricDefinition gauge(String name, String help) {
        return new MetricDefinition(name, MetricKind.GAUGE, help);
    }
}
