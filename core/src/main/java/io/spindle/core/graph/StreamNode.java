package io.spindle.core.graph;

import io.spindle.api.JobDefinitionException;
import io.spindle.api.OutputTag;
import io.spindle.api.codec.Codec;
import io.spindle.api.eventtime.WatermarkStrategy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One operator of the job graph: its name (the stable id), what it does, the user's function
 * object (a Source, MapFunction, ProcessFunction, Sink, ...) and the codec of its output.
 */
public final class StreamNode {

    private final int id;
    private final String name;
    private final OperatorKind kind;
    private final Object function;
    private final Codec<?> outputCodec;
    private final List<StreamEdge> inputs = new ArrayList<>();
    private final List<StateDeclaration> states = new ArrayList<>();
    private final Map<String, OutputTag<?>> sideOutputs = new HashMap<>();
    private Integer parallelism;
    private WatermarkStrategy<?> watermarkStrategy;

    StreamNode(int id, String name, OperatorKind kind, Object function, Codec<?> outputCodec) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.function = function;
        this.outputCodec = outputCodec;
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public OperatorKind kind() {
        return kind;
    }

    public Object function() {
        return function;
    }

    /** Null for sinks. */
    public Codec<?> outputCodec() {
        return outputCodec;
    }

    /** The codec of the records of one of its side outputs, or of its main output for null. */
    public Codec<?> outputCodec(String sideOutput) {
        return sideOutput == null ? outputCodec : sideOutputs.get(sideOutput).codec();
    }

    /** A side output some stream reads; one name, one codec. */
    void addSideOutput(OutputTag<?> tag) {
        OutputTag<?> known = sideOutputs.putIfAbsent(tag.name(), tag);
        if (known != null && !known.codec().id().equals(tag.codec().id())) {
            throw new JobDefinitionException("operator '" + name + "': " + tag + " is read with codec '"
                    + tag.codec().id() + "' and with codec '" + known.codec().id() + "'");
        }
    }

    public List<StreamEdge> inputs() {
        return inputs;
    }

    public List<StateDeclaration> states() {
        return states;
    }

    /** Whether the input is partitioned by key (keyed state and timers are available). */
    public boolean isKeyed() {
        return !inputs.isEmpty() && inputs.get(0).partitioning() == Partitioning.HASH;
    }

    /** How a source's records get event time and watermarks; null for other nodes and sources without. */
    public WatermarkStrategy<?> watermarkStrategy() {
        return watermarkStrategy;
    }

    void setWatermarkStrategy(WatermarkStrategy<?> strategy) {
        this.watermarkStrategy = strategy;
    }

    public int parallelism() {
        return parallelism;
    }

    Integer explicitParallelism() {
        return parallelism;
    }

    void setParallelism(int parallelism) {
        this.parallelism = parallelism;
    }

    @Override
    public String toString() {
        return name;
    }
}
