package io.spindle.core.graph;

import io.spindle.api.DataStream;
import io.spindle.api.JobBuilder;
import io.spindle.api.JobDefinitionException;
import io.spindle.api.codec.Codec;
import io.spindle.api.connectors.Source;
import io.spindle.api.eventtime.WatermarkStrategy;
import io.spindle.core.config.Configuration;
import io.spindle.core.config.ValueSource;
import io.spindle.core.options.PipelineOptions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds and validates the job graph as the job's {@code define} describes it. Mistakes are
 * reported here, before anything runs, as {@link JobDefinitionException}s naming the operator.
 */
public final class StreamGraphBuilder implements JobBuilder {

    private final String jobName;
    private final Configuration configuration;
    private final List<StreamNode> nodes = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private Integer jobParallelism;

    /** @param configuration the effective configuration; keys the job sets in code are laid over it */
    public StreamGraphBuilder(String jobName, Configuration configuration) {
        this.jobName = jobName;
        this.configuration = configuration.copy();
    }

    @Override
    public <T> DataStream<T> source(String name, Source<T> source) {
        requireNonNull(name, source, "source");
        StreamNode node = addNode(name, OperatorKind.SOURCE, source, requireCodec(name, source.codec()));
        return DataStreamImpl.of(this, node);
    }

    @Override
    public <T> DataStream<T> source(String name, Source<T> source, WatermarkStrategy<T> watermarks) {
        requireNonNull(name, watermarks, "watermark strategy");
        DataStream<T> stream = source(name, source);
        nodes.get(nodes.size() - 1).setWatermarkStrategy(watermarks);
        return stream;
    }

    @Override
    public JobBuilder parallelism(int parallelism) {
        checkPositive("the job", parallelism);
        this.jobParallelism = parallelism;
        return this;
    }

    @Override
    public JobBuilder configure(String key, String value) {
        configuration.set(key, value, ValueSource.JOB_CODE);
        return this;
    }

    StreamNode addNode(String name, OperatorKind kind, Object function, Codec<?> outputCodec) {
        if (name == null || name.isBlank()) {
            throw new JobDefinitionException("every operator needs a non-empty name (it is the operator's id in "
                    + "savepoints); a " + kind.name().toLowerCase().replace('_', ' ') + " has none");
        }
        if (!names.add(name)) {
            throw new JobDefinitionException("duplicate operator name '" + name + "': names are the operators' ids "
                    + "in savepoints and must be unique");
        }
        StreamNode node = new StreamNode(nodes.size(), name, kind, function, outputCodec);
        nodes.add(node);
        return node;
    }

    StreamNode node(int id) {
        return nodes.get(id);
    }

    static <C extends Codec<?>> C requireCodec(String operator, C codec) {
        if (codec == null) {
            throw new JobDefinitionException("operator '" + operator + "' has no codec for its output; pass one "
                    + "from Codecs (Spindle never falls back to Java serialization)");
        }
        return codec;
    }

    static void requireNonNull(String operator, Object function, String what) {
        if (function == null) {
            throw new JobDefinitionException("operator '" + operator + "' has no " + what);
        }
    }

    void checkPositive(String what, int parallelism) {
        if (parallelism < 1) {
            throw new JobDefinitionException("parallelism of " + what + " must be at least 1, got " + parallelism);
        }
    }

    private static void checkAtMost(String what, int parallelism, int maxParallelism) {
        if (parallelism > maxParallelism) {
            throw new JobDefinitionException("parallelism of " + what + " is " + parallelism
                    + ", more than the max parallelism " + maxParallelism + " (pipeline.max-parallelism)");
        }
    }

    /** Resolves default parallelism and edge partitioning, and checks the graph as a whole. */
    public StreamGraph build() {
        if (nodes.stream().noneMatch(n -> n.kind() == OperatorKind.SINK)) {
            throw new JobDefinitionException("the job defines no sink: add .sink(name, sink) to a stream");
        }
        // the options hold both to their ranges, whether the file, -D or the job's code set them
        int maxParallelism = configuration.get(PipelineOptions.MAX_PARALLELISM);
        int parallelism = jobParallelism != null ? jobParallelism : configuration.get(PipelineOptions.PARALLELISM);
        for (StreamNode node : nodes) {
            if (node.explicitParallelism() == null) {
                node.setParallelism(parallelism);
            }
            checkAtMost("'" + node.name() + "'", node.parallelism(), maxParallelism);
        }
        for (StreamNode node : nodes) {
            node.inputs().replaceAll(edge -> edge.partitioning() == Partitioning.FORWARD
                    && nodes.get(edge.sourceId()).parallelism() != node.parallelism()
                    ? edge.withPartitioning(Partitioning.REBALANCE) : edge);
        }
        return new StreamGraph(jobName, List.copyOf(nodes), maxParallelism, configuration);
    }
}
