package io.spindle.master.cluster;

import io.spindle.master.checkpoint.CheckpointTarget;
import io.spindle.master.cluster.WorkerConnections.RegisteredWorker;
import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.protocol.control.ControlMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * The workers of one attempt as the checkpoint coordinator reaches them, subtask i of every vertex in slot i.
 * Messages to a worker that is gone are dropped: its loss reaches the job master on its own.
 */
final class DeployedAttempt implements CheckpointTarget {

    private static final Logger LOG = LoggerFactory.getLogger(DeployedAttempt.class);

    private final int number;
    private final List<RegisteredWorker> workers;
    private final int slotsPerWorker;
    /** A worker has reported its first record. */
    private boolean processing;

    DeployedAttempt(int number, List<RegisteredWorker> workers, int slotsPerWorker) {
        this.number = number;
        this.workers = List.copyOf(workers);
        this.slotsPerWorker = slotsPerWorker;
    }

    int number() {
        return number;
    }

    List<RegisteredWorker> workers() {
        return workers;
    }

    boolean runsOn(String workerId) {
        return workers.stream().anyMatch(worker -> worker.id().equals(workerId));
    }

    RegisteredWorker workerFor(int subtask) {
        return workers.get(subtask / slotsPerWorker);
    }

    /** Whether this was the attempt's first report of a first record. */
    boolean firstRecord() {
        boolean first = !processing;
        processing = true;
        return first;
    }

    void sendToAll(ControlMessage message) {
        workers.forEach(worker -> send(worker, message));
    }

    @Override
    public void triggerCheckpoint(CheckpointBarrier barrier) {
        sendToAll(new ControlMessage.TriggerCheckpoint(number, barrier));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        sendToAll(new ControlMessage.CheckpointComplete(number, checkpointId));
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) {
        sendToAll(new ControlMessage.CheckpointAborted(number, checkpointId));
    }

    static void send(RegisteredWorker worker, ControlMessage message) {
        try {
            worker.connection().send(message);
        } catch (IOException e) {
            LOG.debug("Worker {} did not take {}: {}", worker.id(), message, e.toString());
        }
    }
}
