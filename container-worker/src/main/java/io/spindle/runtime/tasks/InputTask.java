package io.spindle.runtime.tasks;

import io.spindle.runtime.checkpoint.BarrierAligner;
import io.spindle.runtime.checkpoint.CheckpointBarrier;
import io.spindle.runtime.io.InputGate;
import io.spindle.runtime.io.RecordReader;
import io.spindle.runtime.operators.OperatorRuntime;
import io.spindle.runtime.operators.StreamOperator;
import io.spindle.runtime.operators.TaskCancelledException;
import io.spindle.runtime.operators.WriterOutput;
import io.spindle.state.rocksdb.RocksDbKeyedStateBackend;

import java.util.List;
import java.util.OptionalLong;

/** A subtask whose chain reads from channels: decodes buffers from its input gate into the chain. */
public final class InputTask extends Task {

    private final InputGate gate;
    private final List<RecordReader> readers;
    private final BarrierAligner aligner;
    private boolean receivedRecord;
    /** The barrier of the newest checkpoint seen, the one the aligner aligns. */
    private CheckpointBarrier newestBarrier;
    /** The savepoint after which an input stopped (stop with savepoint), or -1. */
    private long stoppedAfter = -1;

    /** @param readers one per gate channel, each with the codec of that channel's producer */
    public InputTask(String name, int vertexId, InputGate gate, List<RecordReader> readers,
                     List<StreamOperator<Object, Object>> operators, WriterOutput writers, OperatorRuntime runtime,
                     TaskServices services, RocksDbKeyedStateBackend<Object> keyedBackend,
                     List<AutoCloseable> resources) {
        super(name, vertexId, operators, writers, runtime, services, keyedBackend, resources);
        this.gate = gate;
        this.readers = List.copyOf(readers);
        this.aligner = new BarrierAligner(gate.size(), services.exactlyOnce());
    }

    @Override
    protected void invoke() throws Exception {
        long bufferTimeoutNanos = bufferTimeoutMillis * 1_000_000L;
        long lastFlush = System.nanoTime();
        try {
            while (!gate.allFinished()) {
                checkCancelled();
                passOnCompletedCheckpoints();
                InputGate.Delivery delivery = gate.poll(0);
                if (delivery == null) {
                    writers.flush();
                    lastFlush = System.nanoTime();
                    long nextTimer = fireTimers();
                    long waitMillis = Math.max(0, Math.min(bufferTimeoutMillis,
                            nextTimer - runtime.clock().getAsLong()));
                    delivery = gate.poll(Math.max(1, waitMillis) * 1_000_000L);
                }
                if (delivery != null) {
                    int channel = delivery.channel();
                    readers.get(channel).read(delivery.buffer(), new RecordReader.ElementHandler() {
                        @Override
                        public void record(Object record) {
                            if (!receivedRecord) {
                                receivedRecord = true;
                                services.listener().firstRecord(InputTask.this);
                            }
                            head().collect(record);
                        }

                        @Override
                        public void endOfInput() throws InterruptedException {
                            gate.finish(channel);
                            aligned(aligner.onEndOfInput(channel));
                        }

                        @Override
                        public void barrier(CheckpointBarrier barrier) throws InterruptedException {
                            if (newestBarrier == null || barrier.checkpointId() > newestBarrier.checkpointId()) {
                                newestBarrier = barrier;
                            }
                            aligned(aligner.onBarrier(channel, barrier.checkpointId()));
                        }

                        @Override
                        public void stopped(long savepointId) throws InterruptedException {
                            stoppedAfter = Math.max(stoppedAfter, savepointId);
                            gate.finish(channel);
                            aligned(aligner.onEndOfInput(channel));
                        }
                    });
                }
                long now = System.nanoTime();
                if (now - lastFlush >= bufferTimeoutNanos) {
                    fireTimers();
                    writers.flush();
                    lastFlush = now;
                }
            }
            if (stoppedAfter >= 0) {
                // A stopped job ends without end of input, once its sinks committed the savepoint.
                awaitCompletion(stoppedAfter);
                writers.stopped(stoppedAfter);
                return;
            }
            fireTimers();
            head().endOfInput();
        } catch (InterruptedException e) {
            throw new TaskCancelledException(e);
        }
    }

    /** Blocks the channels holding back a barrier; takes the checkpoint once all delivered it. */
    private void aligned(OptionalLong due) throws InterruptedException {
        for (int channel = 0; channel < gate.size(); channel++) {
            gate.setBlocked(channel, aligner.isBlocked(channel));
        }
        if (due.isPresent()) {
            performCheckpoint(newestBarrier);
        }
    }

    @Override
    protected void wakeUp() {
        gate.wakeUp();
    }
}
