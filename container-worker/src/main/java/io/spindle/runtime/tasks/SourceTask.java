package io.spindle.runtime.tasks;

import io.spindle.api.connectors.ReaderOutput;
import io.spindle.api.connectors.Source;
import io.spindle.api.connectors.SourceReader;
import io.spindle.api.eventtime.WatermarkStrategy;
import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.runtime.eventtime.SourceWatermarks;
import io.spindle.runtime.metrics.TaskIoMetrics;
import io.spindle.runtime.operators.OperatorRuntime;
import io.spindle.runtime.operators.StreamOperator;
import io.spindle.runtime.operators.SubtaskConnectorContext;
import io.spindle.runtime.operators.TaskCancelledException;
import io.spindle.runtime.operators.UserCode;
import io.spindle.runtime.operators.UserCodeException;
import io.spindle.runtime.operators.WriterOutput;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A subtask whose chain starts with a source: polls the reader and pushes what it emits down the chain. */
public final class SourceTask extends Task {

    private final String sourceName;
    private final Source<Object> source;
    private final WatermarkStrategy<?> watermarkStrategy;
    private final long watermarkIntervalMillis;
    private final Queue<CheckpointBarrier> triggeredCheckpoints = new ConcurrentLinkedQueue<>();
    /** The reader while {@link #invoke} runs; task thread only. */
    private SourceReader<Object> reader;

    /**
     * @param watermarkStrategy how the records get event time, null if they do not
     * @param watermarkIntervalMillis how often periodic watermarks are emitted; 0: never
     */
    public SourceTask(String name, int vertexId, String sourceName, Source<Object> source,
                      WatermarkStrategy<?> watermarkStrategy, long watermarkIntervalMillis,
                      List<StreamOperator<Object, Object>> operators, WriterOutput writers, OperatorRuntime runtime,
                      TaskServices services, boolean restoredInputEnded, List<AutoCloseable> resources,
                      TaskIoMetrics io) {
        super(name, vertexId, operators, writers, runtime, services, null, restoredInputEnded, resources, io);
        this.sourceName = sourceName;
        this.source = source;
        this.watermarkStrategy = watermarkStrategy;
        this.watermarkIntervalMillis = watermarkIntervalMillis;
    }

    /**
     * Asks the source to start checkpoint n: between two polls it stores its read position and emits the barrier;
     * a barrier that drains ends the input first. Called from the coordinator's thread.
     */
    public void triggerCheckpoint(CheckpointBarrier barrier) {
        triggeredCheckpoints.add(barrier);
        wakeUp();
    }

    @Override
    protected void invoke() throws Exception {
        try (SourceReader<Object> reader = createReader()) {
            this.reader = reader;
            SourceWatermarks watermarks = SourceWatermarks.create(watermarkStrategy, sourceName, head(),
                    runtime.timestamp(), runtime.clock(), watermarkListener());
            long lastFlush = System.nanoTime();
            long bufferTimeoutNanos = bufferTimeoutMillis * 1_000_000L;
            long nextWatermark = runtime.clock().getAsLong() + watermarkIntervalMillis;
            if (restoredInputEnded()) {
                endInput();
            }
            while (true) {
                checkCancelled();
                checkpointTriggered(reader);
                passOnCompletedCheckpoints();
                if (done()) {
                    break;
                }
                if (!processing()) {
                    writers.flush();
                    idle();
                    continue;
                }
                SourceReader.Status status = poll(reader, watermarks.output());
                fireTimers();
                if (watermarkIntervalMillis > 0 && runtime.clock().getAsLong() >= nextWatermark) {
                    watermarks.emitPeriodic();
                    nextWatermark = runtime.clock().getAsLong() + watermarkIntervalMillis;
                }
                if (status == SourceReader.Status.END_OF_INPUT) {
                    endInput();
                    continue;
                }
                long now = System.nanoTime();
                if (status == SourceReader.Status.NOTHING_AVAILABLE) {
                    writers.flush();
                    lastFlush = now;
                    long start = io.waitStarts();
                    Thread.sleep(1);
                    io.idleSince(start);
                } else if (now - lastFlush >= bufferTimeoutNanos) {
                    writers.flush();
                    lastFlush = now;
                }
            }
            writers.endOfPartition();
        } catch (InterruptedException e) {
            throw new TaskCancelledException(e);
        }
    }

    private void checkpointTriggered(SourceReader<Object> reader) throws Exception {
        CheckpointBarrier barrier;
        while ((barrier = triggeredCheckpoints.poll()) != null) {
            if (barrier.drains()) {
                endInput();
            }
            try {
                reader.snapshotState(barrier.checkpointId());
            } catch (Exception e) {
                services.checkpoints().decline(name(), barrier.checkpointId(), new UserCodeException(sourceName, e));
                continue;
            }
            performCheckpoint(barrier, 0);
        }
    }

    @Override
    protected void checkpointCompleted(long checkpointId) {
        if (reader == null) {
            return;
        }
        try {
            reader.checkpointComplete(checkpointId);
        } catch (Exception e) {
            throw UserCode.failure(sourceName, e);
        }
    }

    private SourceReader.Status poll(SourceReader<Object> reader, ReaderOutput<Object> output) {
        try {
            return reader.poll(output);
        } catch (Exception e) {
            throw UserCode.failure(sourceName, e);
        }
    }

    private SourceReader<Object> createReader() {
        try {
            return source.createReader(new SubtaskConnectorContext(runtime, sourceName));
        } catch (Exception e) {
            throw UserCode.failure(sourceName, e);
        }
    }
}
