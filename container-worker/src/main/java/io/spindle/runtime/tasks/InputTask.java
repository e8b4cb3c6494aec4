package io.spindle.runtime.tasks;

import io.spindle.api.functions.Collector;
import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.runtime.checkpoint.BarrierAligner;
import io.spindle.runtime.eventtime.WatermarkValve;
import io.spindle.runtime.io.InputGate;
import io.spindle.runtime.io.QueueDepth;
import io.spindle.runtime.io.RecordReader;
import io.spindle.runtime.metrics.TaskIoMetrics;
import io.spindle.runtime.operators.OperatorRuntime;
import io.spindle.runtime.operators.SecondInput;
import io.spindle.runtime.operators.StreamOperator;
import io.spindle.runtime.operators.TaskCancelledException;
import io.spindle.runtime.operators.WriterOutput;
import io.spindle.state.rocksdb.RocksDbKeyedStateBackend;

import java.util.BitSet;
import java.util.List;
import java.util.OptionalLong;

/** A subtask whose chain reads from channels: decodes buffers from its input gate into the chain. */
public final class InputTask extends Task {

    private final InputGate gate;
    private final List<RecordReader> readers;
    /** Per channel, where its records enter the chain: the head, or a two-input head's second input. */
    private final List<Collector<Object>> targets;
    private final BarrierAligner aligner;
    private final WatermarkValve watermarks;
    /** The channels whose producers emit no more records. */
    private final BitSet endedChannels;
    private boolean receivedRecord;
    /** The barrier of the newest checkpoint seen, the one the aligner aligns. */
    private CheckpointBarrier newestBarrier;
    /** When the first barrier of the newest checkpoint arrived. */
    private long alignmentStartNanos;

    /**
     * @param readers one per gate channel, each with the codec of that channel's producer
     * @param inputs per gate channel, the head operator's input it feeds (1: the second of a two-input operator)
     */
    public InputTask(String name, int vertexId, InputGate gate, List<RecordReader> readers, List<Integer> inputs,
                     List<StreamOperator<Object, Object>> operators, WriterOutput writers, OperatorRuntime runtime,
                     TaskServices services, RocksDbKeyedStateBackend<Object> keyedBackend, boolean restoredInputEnded,
                     List<AutoCloseable> resources, TaskIoMetrics io) {
        super(name, vertexId, operators, writers, runtime, services, keyedBackend, restoredInputEnded, resources, io);
        this.gate = gate;
        this.readers = List.copyOf(readers);
        this.targets = inputs.stream().map(this::target).toList();
        this.aligner = new BarrierAligner(gate.size(), services.exactlyOnce());
        this.watermarks = new WatermarkValve(gate.size(), watermarkListener());
        this.endedChannels = new BitSet(gate.size());
    }

    @Override
    public QueueDepth inputQueue() {
        return gate.queue();
    }

    /** Reads until every input channel closed and the task's work is done (see {@link Task}). */
    @Override
    protected void invoke() throws Exception {
        long bufferTimeoutNanos = bufferTimeoutMillis * 1_000_000L;
        long lastFlush = System.nanoTime();
        Handler handler = new Handler();
        try {
            while (!gate.allFinished() || !done()) {
                checkCancelled();
                passOnCompletedCheckpoints();
                if (gate.allFinished()) {
                    idle(); // the channels closed after the final checkpoint completed; its notice is on its way
                    continue;
                }
                InputGate.Delivery delivery = gate.poll(0);
                if (delivery == null) {
                    writers.flush();
                    lastFlush = System.nanoTime();
                    long nextTimer = fireTimers();
                    long waitMillis = Math.max(0, Math.min(bufferTimeoutMillis,
                            nextTimer - runtime.clock().getAsLong()));
                    long start = io.waitStarts();
                    delivery = gate.poll(Math.max(1, waitMillis) * 1_000_000L);
                    io.idleSince(start);
                }
                if (delivery != null) {
                    io.bytesIn(delivery.buffer().length());
                    readers.get(delivery.channel()).read(delivery.buffer(), handler.on(delivery.channel()));
                }
                long now = System.nanoTime();
                sampleState(now);
                if (now - lastFlush >= bufferTimeoutNanos) {
                    fireTimers();
                    writers.flush();
                    lastFlush = now;
                }
            }
            writers.endOfPartition();
        } catch (InterruptedException e) {
            throw new TaskCancelledException(e);
        }
    }

    private Collector<Object> target(int input) {
        if (input == 0) {
            return head();
        }
        if (!(head() instanceof SecondInput second)) {
            throw new IllegalArgumentException(name() + ": a second input feeds an operator with one");
        }
        return second::collectSecond;
    }

    /** Blocks the channels holding back a barrier; takes the checkpoint once all delivered it. */
    private void aligned(OptionalLong due) throws InterruptedException {
        for (int channel = 0; channel < gate.size(); channel++) {
            gate.setBlocked(channel, aligner.isBlocked(channel));
        }
        if (due.isPresent()) {
            performCheckpoint(newestBarrier, System.nanoTime() - alignmentStartNanos);
        }
    }

    @Override
    protected void wakeUp() {
        super.wakeUp();
        gate.wakeUp();
    }

    /** What the elements of one channel do. */
    private final class Handler implements RecordReader.ElementHandler {
        private int channel;

        Handler on(int deliveringChannel) {
            channel = deliveringChannel;
            return this;
        }

        @Override
        public void record(Object record, long timestamp) {
            if (!receivedRecord) {
                receivedRecord = true;
                services.listener().firstRecord(InputTask.this);
            }
            runtime.timestamp().set(timestamp);
            targets.get(channel).collect(record);
        }

        @Override
        public void watermark(long watermark) throws Exception {
            watermarks.onWatermark(channel, watermark);
        }

        @Override
        public void watermarkStatus(boolean idle) throws Exception {
            watermarks.onStatus(channel, idle);
        }

        @Override
        public void endOfInput() throws Exception {
            watermarks.onEndOfInput(channel);
            endedChannels.set(channel);
            if (endedChannels.cardinality() == gate.size()) {
                endInput();
            }
        }

        @Override
        public void barrier(CheckpointBarrier barrier) throws InterruptedException {
            if (newestBarrier == null || barrier.checkpointId() > newestBarrier.checkpointId()) {
                newestBarrier = barrier;
                alignmentStartNanos = System.nanoTime();
            }
            aligned(aligner.onBarrier(channel, barrier.checkpointId()));
        }

        @Override
        public void endOfPartition() throws InterruptedException {
            gate.finish(channel);
            aligned(aligner.onChannelClosed(channel));
        }
    }
}
