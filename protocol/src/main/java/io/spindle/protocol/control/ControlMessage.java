package io.spindle.protocol.control;

import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.protocol.checkpoint.CheckpointTimes;
import io.spindle.protocol.metrics.MetricsReport;

import java.util.List;

/**
 * What the ApplicationMaster and its workers say to each other over the control connection. Every message
 * about tasks names the attempt it belongs to, so that a late word from a cancelled attempt is recognised as
 * such on either side.
 */
public sealed interface ControlMessage {

    /** Worker → master, first on every connection: who the worker is and where its data server listens. */
    record Hello(String workerId, String token, String dataHost, int dataPort) implements ControlMessage { }

    /** Worker → master: still alive, and how its JVM and subtasks are doing. */
    record Heartbeat(MetricsReport metrics) implements ControlMessage { }

    /** Worker → master: a subtask ended; {@code failure} describes why it failed, empty otherwise. */
    record TaskEnded(int attempt, int vertexId, int subtask, TaskOutcome outcome, String failure)
            implements ControlMessage { }

    /** Worker → master: a subtask's input ended and its operators did their end-of-input work. */
    record InputEnded(int attempt, int vertexId, int subtask) implements ControlMessage { }

    /** Worker → master: a task of the attempt received its first record (how recovery time is measured). */
    record FirstRecord(int attempt, long timeMillis) implements ControlMessage { }

    /** Worker → master: a subtask's part of a checkpoint, as {@link SubtaskStates#snapshotBytes}, and its times. */
    record Acknowledge(int attempt, byte[] snapshot, CheckpointTimes times) implements ControlMessage { }

    /** Worker → master: a subtask could not take its part of a checkpoint. */
    record Decline(int attempt, String taskName, long checkpointId, String cause) implements ControlMessage { }

    /**
     * Master → worker: run these subtasks as attempt {@code attempt} of job {@code jobId}, after every task of an
     * earlier attempt on the worker has ended.
     *
     * @param checkpointDirectory the job's checkpoint directory, empty when checkpointing is off
     * @param restoreDirectory the job directory the restored state's files lie in, empty without restore
     * @param restoreFromOwnCheckpoint whether that is the job's own directory (its files may be reused)
     * @param placements where every subtask of the job runs, so consumers find their producers
     */
    record Deploy(String jobId, int attempt, String checkpointDirectory, String restoreDirectory, boolean restoreFromOwnCheckpoint,
                  List<Placement> placements, List<TaskDeployment> tasks) implements ControlMessage {

        public Deploy {
            placements = List.copyOf(placements);
            tasks = List.copyOf(tasks);
        }
    }

    /** The data server of the worker that runs a subtask. */
    record Placement(int vertexId, int subtask, String host, int port) { }

    /** One subtask to run; {@code restore} as {@link SubtaskStates#restoreBytes}, empty to start afresh. */
    record TaskDeployment(int vertexId, int subtask, byte[] restore) { }

    /** Master → worker: the sources of the attempt start checkpoint n, or a savepoint, with this barrier. */
    record TriggerCheckpoint(int attempt, CheckpointBarrier barrier) implements ControlMessage { }

    /** Master → worker: checkpoint n completed. */
    record CheckpointComplete(int attempt, long checkpointId) implements ControlMessage { }

    /** Master → worker: checkpoint n will never complete. */
    record CheckpointAborted(int attempt, long checkpointId) implements ControlMessage { }

    /** Master → worker: stop every task of the attempt. */
    record CancelAttempt(int attempt) implements ControlMessage { }

    /** Master → worker: the job is over; exit. */
    record Shutdown() implements ControlMessage { }

    enum TaskOutcome { FINISHED, FAILED, CANCELLED }
}
