package io.spindle.master.rest;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.spindle.master.metrics.VertexRates;
import io.spindle.protocol.checkpoint.SavepointRequest.Termination;
import io.spindle.protocol.status.StatusDocument;
import io.spindle.state.checkpoint.SavepointFormat;

import java.util.Map;

/** What the REST API reads from and asks of the running job; the job master implements it. */
public interface JobControl {

    /** The status document of {@code GET /status}. */
    StatusDocument status();

    /** The checkpoints page of the dashboard: the latest ended checkpoints and the retained ones. */
    CheckpointsView checkpoints();
    /** Each task's (vertex's) load, by vertex id, as the dashboard's job graph shows it. */
    Map<Integer, VertexRates> vertexRates();

    /** The job's metrics, as {@code GET /metrics} serves them. */
    MultiCollector metrics();

    /** Starts cancelling the job. */
    void cancel();

    /**
     * Starts a savepoint and returns its request number; the status document's {@code savepoints} tell how it
     * ends (its path, or why it failed).
     *
     * @param directory where the savepoint's directory is created; null for {@code execution.checkpointing.savepoint-dir}
     */
    int savepoint(String directory, SavepointFormat format, Termination termination);
}
