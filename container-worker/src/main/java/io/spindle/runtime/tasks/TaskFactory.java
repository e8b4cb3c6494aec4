package io.spindle.runtime.tasks;

import io.spindle.api.codec.Codec;
import io.spindle.api.connectors.Source;
import io.spindle.core.graph.OperatorKind;
import io.spindle.core.graph.Partitioning;
import io.spindle.core.graph.StreamEdge;
import io.spindle.core.graph.StreamGraph;
import io.spindle.core.graph.StreamNode;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.core.keys.KeyGroups;
import io.spindle.core.plan.ExecutionPlan;
import io.spindle.core.plan.TaskVertex;
import io.spindle.core.plan.VertexEdge;
import io.spindle.protocol.checkpoint.TaskRestore;
import io.spindle.core.options.PipelineOptions;
import io.spindle.runtime.io.ChannelSelector;
import io.spindle.runtime.io.ElementTimestamp;
import io.spindle.runtime.io.InboundChannel;
import io.spindle.runtime.io.InputGate;
import io.spindle.runtime.io.OutboundChannel;
import io.spindle.runtime.io.RecordReader;
import io.spindle.runtime.io.RecordWriter;
import io.spindle.runtime.metrics.TaskIoMetrics;
import io.spindle.runtime.operators.OperatorFactory;
import io.spindle.runtime.operators.OperatorRuntime;
import io.spindle.runtime.operators.OperatorStates;
import io.spindle.runtime.operators.StreamOperator;
import io.spindle.runtime.operators.WriterOutput;
import io.spindle.state.rocksdb.RocksDbCheckpointOptions;
import io.spindle.state.rocksdb.RocksDbKeyedStateBackend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wires one subtask of a task vertex: its operators (from a fresh build of the job graph, so no
 * two subtasks share a function object), its channels, writers, and keyed state.
 */
public final class TaskFactory {

    private TaskFactory() { }

    /**
     * @param plan the plan the channels were laid out for
     * @param fresh a graph built anew for this subtask, equal in shape to the plan's
     * @param restore the state the subtask resumes from, or null if it starts afresh
     */
    @SuppressWarnings("unchecked")
    public static Task create(ExecutionPlan plan, StreamGraph fresh, TaskVertex vertex, int subtask,
                              TaskServices services, TaskRestore restore) {
        String name = vertex.name() + " (" + (subtask + 1) + "/" + vertex.parallelism() + ")";
        StreamNode head = fresh.node(vertex.head().id());
        List<StreamOperator<Object, Object>> operators = new ArrayList<>();
        for (StreamNode planned : vertex.chain()) {
            StreamNode node = fresh.node(planned.id());
            if (node.kind() != OperatorKind.SOURCE) {
                operators.add(OperatorFactory.create(node));
            }
        }
        List<AutoCloseable> resources = new ArrayList<>();
        RocksDbKeyedStateBackend<Object> keyed = head.isKeyed()
                ? keyedState(fresh, vertex, head, subtask, services, restore) : null;
        if (keyed != null) {
            resources.add(keyed);
        }
        OperatorStates operatorStates = restore == null ? new OperatorStates()
                : new OperatorStates(restore.operatorStates());
        ElementTimestamp timestamp = new ElementTimestamp();
        OperatorRuntime runtime = new OperatorRuntime(services.jobId(), subtask, vertex.parallelism(),
                services.attemptNumber(), operatorStates, keyed, services.files(), services.clock(), timestamp);
        boolean inputEnded = restore != null && restore.inputEnded();
        TaskIoMetrics io = new TaskIoMetrics(services.metricsEnabled());
        WriterOutput writers = new WriterOutput(vertex.tail().name(),
                writers(plan, fresh, vertex, subtask, services, timestamp, io), io);
        if (head.kind() == OperatorKind.SOURCE) {
            return new SourceTask(name, vertex.id(), head.name(), (Source<Object>) head.function(),
                    head.watermarkStrategy(),
                    fresh.configuration().get(PipelineOptions.AUTO_WATERMARK_INTERVAL).toMillis(), operators,
                    writers, runtime, services, inputEnded, resources, io);
        }
        List<InboundChannel> inbound = new ArrayList<>();
        List<RecordReader> readers = new ArrayList<>();
        List<Integer> inputs = new ArrayList<>();
        for (VertexEdge edge : vertex.inputs()) {
            Codec<?> codec = fresh.codecOf(edge.edge());
            for (int producer : peers(edge, plan.vertices().get(edge.sourceVertex()).parallelism(), subtask)) {
                inbound.add(services.channels().inbound(edge, producer, subtask));
                readers.add(new RecordReader(codec));
                inputs.add(edge.edge().input());
            }
        }
        return new InputTask(name, vertex.id(), new InputGate(inbound), readers, inputs, operators, writers, runtime,
                services, keyed, inputEnded, resources, io);
    }

    @SuppressWarnings("unchecked")
    private static Map<RecordWriter, String> writers(ExecutionPlan plan, StreamGraph fresh, TaskVertex vertex,
                                                     int subtask, TaskServices services, ElementTimestamp timestamp,
                                                     TaskIoMetrics io) {
        Map<RecordWriter, String> writers = new LinkedHashMap<>();
        for (VertexEdge edge : plan.outputsOf(vertex)) {
            int consumers = plan.vertices().get(edge.targetVertex()).parallelism();
            List<OutboundChannel> channels = new ArrayList<>();
            for (int consumer : peers(edge, consumers, subtask)) {
                channels.add(services.channels().outbound(edge, subtask, consumer));
            }
            StreamEdge freshEdge = fresh.node(edge.edge().targetId()).inputs().get(edge.edgeIndex());
            writers.put(new RecordWriter(channels,
                    ChannelSelector.forEdge(freshEdge, subtask, consumers, fresh.maxParallelism()),
                    (Codec<Object>) fresh.codecOf(freshEdge), timestamp, services.bufferSize(), io),
                    freshEdge.sideOutput());
        }
        return writers;
    }

    /** The subtasks on the other side of an edge that this subtask exchanges records with. */
    private static List<Integer> peers(VertexEdge edge, int otherParallelism, int subtask) {
        if (edge.edge().partitioning() == Partitioning.FORWARD) {
            return List.of(subtask);
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < otherParallelism; i++) {
            all.add(i);
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private static RocksDbKeyedStateBackend<Object> keyedState(StreamGraph graph, TaskVertex vertex, StreamNode head,
                                                               int subtask, TaskServices services,
                                                               TaskRestore restore) {
        KeyGroupRange range = KeyGroups.rangeOf(subtask, graph.maxParallelism(), vertex.parallelism());
        Path directory = services.stateDirectory().resolve("vertex-" + vertex.id() + "-subtask-" + subtask);
        Codec<Object> keyCodec = (Codec<Object>) head.inputs().get(0).keyCodec();
        RocksDbCheckpointOptions options = RocksDbCheckpointOptions.fromConfig(graph.configuration());
        if (restore == null || restore.keyedStates().isEmpty()) {
            return RocksDbKeyedStateBackend.open(services.rocksDb(), directory, keyCodec, graph.maxParallelism(), range,
                    options);
        }
        return RocksDbKeyedStateBackend.restore(services.rocksDb(), directory, keyCodec, graph.maxParallelism(), range,
                options, restore.keyedStates(), restore.files(), restore.reuseUploadedFiles());
    }
}
