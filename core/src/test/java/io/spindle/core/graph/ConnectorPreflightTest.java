package io.spindle.core.graph;

import io.spindle.api.JobDefinitionException;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.ConnectorSettingsException;
import io.spindle.api.connectors.PreflightContext;
import io.spindle.api.connectors.Sink;
import io.spindle.api.connectors.SinkWriter;
import io.spindle.api.connectors.Sources;
import io.spindle.core.config.Configuration;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectorPreflightTest {

    /** Records the context it was checked with; refuses its settings if told to. */
    private static final class CheckedSink implements Sink<Long> {
        private final String refusal;
        private final List<PreflightContext> checks = new ArrayList<>();

        CheckedSink(String refusal) {
            this.refusal = refusal;
        }

        @Override
        public SinkWriter<Long> createWriter(io.spindle.api.connectors.SinkContext context) {
            throw new UnsupportedOperationException("never runs in these tests");
        }

        @Override
        public void check(PreflightContext context) throws ConnectorSettingsException {
            checks.add(context);
            if (refusal != null) {
                throw new ConnectorSettingsException(refusal);
            }
        }
    }

    private static StreamGraph graph(Configuration configuration, Sink<Long> sink) {
        StreamGraphBuilder job = new StreamGraphBuilder("test", configuration);
        job.source("numbers", Sources.generator(10, i -> i, Codecs.LONG, 0)).sink("out", sink);
        return job.build();
    }

    @Test
    void aRefusedSinkIsNamedInTheError() {
        StreamGraph graph = graph(new Configuration(), new CheckedSink("topic 'x' does not exist"));

        assertThatThrownBy(() -> ConnectorPreflight.check(graph, null))
                .isInstanceOf(JobDefinitionException.class)
                .hasMessage("sink 'out': topic 'x' does not exist");
    }

    @Test
    void aSinkSeesTheCheckpointIntervalAndTheLongestRestartDelay() {
        CheckedSink sink = new CheckedSink(null);
        Configuration configuration = Configuration.fromMap(Map.of("execution.checkpointing.interval", "2 s",
                "restart-strategy.type", "exponential-delay",
                "restart-strategy.exponential-delay.max-backoff", "3 min"));

        ConnectorPreflight.check(graph(configuration, sink), null);

        assertThat(sink.checks).hasSize(1);
        assertThat(sink.checks.get(0).checkpointInterval()).contains(Duration.ofSeconds(2));
        assertThat(sink.checks.get(0).longestRestartDelay()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void withoutCheckpointsThereIsNoIntervalAndNoRestart() {
        CheckedSink sink = new CheckedSink(null);

        ConnectorPreflight.check(graph(new Configuration(), sink), null);

        assertThat(sink.checks.get(0).checkpointInterval()).isEqualTo(Optional.empty());
        assertThat(sink.checks.get(0).longestRestartDelay()).isEqualTo(Duration.ZERO);
    }
}
