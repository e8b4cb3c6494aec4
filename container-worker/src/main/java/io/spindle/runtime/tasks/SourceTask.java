package io.spindle.runtime.tasks;

import io.spindle.api.connectors.Source;
import io.spindle.api.connectors.SourceReader;
import io.spindle.runtime.checkpoint.CheckpointBarrier;
import io.spindle.runtime.checkpoint.SavepointRequest;
import io.spindle.runtime.operators.OperatorRuntime;
import io.spindle.runtime.operators.StreamOperator;
import io.spindle.runtime.operators.SubtaskConnectorContext;
import io.spindle.runtime.operators.TaskCancelledException;
import io.spindle.runtime.operators.UserCodeException;
import io.spindle.runtime.operators.WriterOutput;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A subtask whose chain starts with a source: polls the reader and pushes what it emits down the chain. */
public final class SourceTask extends Task {

    private final String sourceName;
    private final Source<Object> source;
    private final Queue<CheckpointBarrier> triggeredCheckpoints = new ConcurrentLinkedQueue<>();
    /** The stopping savepoint whose barrier is out (nothing is read meanwhile), or null. */
    private volatile CheckpointBarrier stopping;

    public SourceTask(String name, int vertexId, String sourceName, Source<Object> source,
                      List<StreamOperator<Object, Object>> operators, WriterOutput writers, OperatorRuntime runtime,
                      TaskServices services, List<AutoCloseable> resources) {
        super(name, vertexId, operators, writers, runtime, services, null, resources);
        this.sourceName = sourceName;
        this.source = source;
    }

    /**
     * Asks the source to start checkpoint n: between two polls it stores its read position and
     * emits the barrier. A stopping savepoint's barrier is the last thing it emits: it reads nothing
     * more, and ends once the savepoint completed, or reads on if it was aborted. Called from the
     * coordinator's thread.
     */
    public void triggerCheckpoint(CheckpointBarrier barrier) {
        triggeredCheckpoints.add(barrier);
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) {
        super.notifyCheckpointAborted(checkpointId);
        CheckpointBarrier stop = stopping;
        if (stop != null && stop.checkpointId() == checkpointId) {
            stopping = null;
        }
    }

    @Override
    protected void invoke() throws Exception {
        try (SourceReader<Object> reader = createReader()) {
            long lastFlush = System.nanoTime();
            long bufferTimeoutNanos = bufferTimeoutMillis * 1_000_000L;
            while (true) {
                checkCancelled();
                checkpointTriggered(reader);
                passOnCompletedCheckpoints();
                CheckpointBarrier stop = stopping;
                if (stop != null) {
                    if (stoppedAfter(stop)) {
                        return;
                    }
                    continue;
                }
                SourceReader.Status status = poll(reader);
                fireTimers();
                if (status == SourceReader.Status.END_OF_INPUT) {
                    break;
                }
                long now = System.nanoTime();
                if (status == SourceReader.Status.NOTHING_AVAILABLE) {
                    writers.flush();
                    lastFlush = now;
                    Thread.sleep(1);
                } else if (now - lastFlush >= bufferTimeoutNanos) {
                    writers.flush();
                    lastFlush = now;
                }
            }
            fireTimers();
            head().endOfInput();
        } catch (InterruptedException e) {
            throw new TaskCancelledException(e);
        }
    }

    private void checkpointTriggered(SourceReader<Object> reader) throws InterruptedException {
        CheckpointBarrier barrier;
        while ((barrier = triggeredCheckpoints.poll()) != null) {
            try {
                reader.snapshotState();
            } catch (Exception e) {
                services.checkpoints().decline(name(), barrier.checkpointId(), new UserCodeException(sourceName, e));
                continue;
            }
            if (barrier.isSavepoint() && barrier.savepoint().stopsTheJob()) {
                stopping = barrier;
            }
            performCheckpoint(barrier);
        }
    }

    /**
     * Whether the task ends now, the stopping savepoint having completed: after a drain through the end of
     * input (end-of-input hooks run), else by telling the consumers it stopped. Waits a little otherwise.
     */
    private boolean stoppedAfter(CheckpointBarrier stop) throws Exception {
        if (!completed(stop.checkpointId())) {
            writers.flush();
            Thread.sleep(1);
            return false;
        }
        if (stop.savepoint().termination() == SavepointRequest.Termination.DRAIN) {
            fireTimers();
            head().endOfInput();
        } else {
            writers.stopped(stop.checkpointId());
        }
        return true;
    }

    private SourceReader.Status poll(SourceReader<Object> reader) {
        try {
            return reader.poll(head());
        } catch (UserCodeException | TaskCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new UserCodeException(sourceName, e);
        }
    }

    private SourceReader<Object> createReader() {
        try {
            return source.createReader(new SubtaskConnectorContext(runtime, sourceName));
        } catch (Exception e) {
            throw new UserCodeException(sourceName, e);
        }
    }
}
