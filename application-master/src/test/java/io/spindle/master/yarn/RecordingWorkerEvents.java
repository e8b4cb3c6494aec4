package io.spindle.master.yarn;

import io.spindle.master.resources.WorkerEvents;
import io.spindle.master.resources.WorkerId;

import java.util.ArrayList;
import java.util.List;

/** Every event as one readable line, in arrival order. */
final class RecordingWorkerEvents implements WorkerEvents {

    final List<String> events = new ArrayList<>();

    @Override
    public synchronized void workerAllocated(WorkerId id, String host, String logsUrl) {
        events.add("allocated " + id + " on " + host);
    }

    @Override
    public synchronized void workerStarted(WorkerId id) {
        events.add("started " + id);
    }

    @Override
    public synchronized void workerCompleted(WorkerId id, int exitStatus, String diagnostics) {
        events.add("completed " + id + " with " + exitStatus + ": " + diagnostics);
    }

    @Override
    public synchronized void shutdownRequested() {
        events.add("shutdown requested");
    }

    @Override
    public synchronized void error(Throwable cause) {
        events.add("error " + cause.getMessage());
    }
}
