package io.spindle.core.graph;

import io.spindle.api.JobDefinitionException;
import io.spindle.api.connectors.ConnectorSettingsException;
import io.spindle.api.connectors.FileAccess;
import io.spindle.api.connectors.PreflightContext;
import io.spindle.api.connectors.Sink;
import io.spindle.api.connectors.Source;
import io.spindle.core.config.Configuration;
import io.spindle.core.options.CheckpointingOptions;
import io.spindle.core.restart.RestartPolicy;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;

/**
 * Lets every source and sink of a graph check its settings against the systems it talks to before the job is
 * submitted, so a job that cannot work is refused with one line instead of failing on the cluster.
 */
public final class ConnectorPreflight {

    private ConnectorPreflight() { }

    /** @throws JobDefinitionException naming the first operator whose connector refused its settings, and why */
    public static void check(StreamGraph graph, FileAccess files) {
        PreflightContext context = context(graph.configuration(), files);
        for (StreamNode node : graph.nodes()) {
            try {
                if (node.function() instanceof Source<?> source) {
                    source.check(context);
                } else if (node.function() instanceof Sink<?> sink) {
                    sink.check(context);
                }
            } catch (ConnectorSettingsException e) {
                throw new JobDefinitionException((node.kind() == OperatorKind.SOURCE ? "source '" : "sink '")
                        + node.name() + "': " + e.getMessage());
            }
        }
    }

    static PreflightContext context(Configuration configuration, FileAccess files) {
        Optional<Duration> interval = configuration.getOptional(CheckpointingOptions.INTERVAL);
        Duration longestRestartDelay = Duration.ofMillis(
                RestartPolicy.fromConfig(configuration, interval.isPresent(), new Random(0)).longestBackoffMillis());
        return new PreflightContext() {
            @Override
            public Optional<Duration> checkpointInterval() {
                return interval;
            }

            @Override
            public Duration longestRestartDelay() {
                return longestRestartDelay;
            }

            @Override
            public FileAccess files() {
                return files;
            }
        };
    }
}
