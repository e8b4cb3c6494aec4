package io.spindle.master.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.spindle.protocol.metrics.MetricDefinition;
import io.spindle.protocol.metrics.MetricKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Data points gathered by family (one name, kind and help), then built into the client library's snapshots. */
final class MetricFamilies {

    private final Map<String, Family> families = new LinkedHashMap<>();

    /** A value of the metric {@code prefix + definition.name()} with these labels. */
    void add(String prefix, MetricDefinition definition, Labels labels, double value) {
        families.computeIfAbsent(prefix + definition.name(), name -> new Family(definition, new ArrayList<>()))
                .points().add(new Point(labels, value));
    }

    MetricSnapshots snapshots() {
        MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
        families.forEach((name, family) -> snapshots.metricSnapshot(snapshot(name, family)));
        return snapshots.build();
    }

    private static MetricSnapshot snapshot(String name, Family family) {
        if (family.definition().kind() == MetricKind.COUNTER) {
            CounterSnapshot.Builder counter = CounterSnapshot.builder().name(name).help(family.definition().help());
            family.points().forEach(point -> counter.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                    .labels(point.labels()).value(point.value()).build()));
            return counter.build();
        }
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(family.definition().help());
        family.points().forEach(point -> gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .labels(point.labels()).value(point.value()).build()));
        return gauge.build();
    }

    private record Family(MetricDefinition definition, List<Point> points) { }

    private record Point(Labels labels, double value) { }
}
