package io.spindle.master.cluster;

import io.spindle.master.resources.FinalStatus;
import io.spindle.master.resources.Headroom;
import io.spindle.master.resources.WorkerId;
import io.spindle.master.resources.WorkerLaunch;
import io.spindle.master.resources.WorkerPool;
import io.spindle.master.resources.WorkerSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A worker pool that gives nothing and records what it was asked, in order; its headroom is what the test sets. */
final class RecordingWorkerPool implements WorkerPool {

    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    volatile Headroom headroom;

    @Override
    public void requestWorkers(int count, WorkerSpec spec) {
        calls.add("request " + count);
    }

    @Override
    public Optional<Headroom> headroom() {
        return Optional.ofNullable(headroom);
    }

    @Override
    public void launch(WorkerId id, WorkerLaunch launch) {
        calls.add("launch " + id);
    }

    @Override
    public void release(WorkerId id) {
        calls.add("release " + id);
    }

    @Override
    public void stop(FinalStatus status, String diagnostics) {
        calls.add("stop " + status);
    }

    @Override
    public void abandon() {
        calls.add("abandon");
    }
}
