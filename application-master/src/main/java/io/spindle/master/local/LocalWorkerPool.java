package io.spindle.master.local;

import io.spindle.core.concurrent.DaemonThreads;
import io.spindle.core.options.ClusterOptions;
import io.spindle.master.cluster.WorkerConnections;
import io.spindle.master.resources.FinalStatus;
import io.spindle.master.resources.Headroom;
import io.spindle.master.resources.WorkerEvents;
import io.spindle.master.resources.WorkerId;
import io.spindle.master.resources.WorkerLaunch;
import io.spindle.master.resources.WorkerPool;
import io.spindle.master.resources.WorkerSpec;
import io.spindle.protocol.control.InMemoryControlConnection;
import io.spindle.runtime.local.LocalChannels;
import io.spindle.runtime.worker.AttemptObserver;
import io.spindle.runtime.worker.ShippedJob;
import io.spindle.runtime.worker.Worker;
import io.spindle.state.rocksdb.RocksDbResources;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Workers as threads of this JVM, for local execution: what a container is to a worker on YARN, a thread is here,
 * with its control connection and its tasks' channels in memory. The job master cannot tell the difference, so a
 * local job takes the same course as one on YARN.
 */
final class LocalWorkerPool implements WorkerPool {

    private final String jobId;
    private final ShippedJob job;
    private final org.apache.hadoop.conf.Configuration hadoop;
    private final WorkerConnections connections;
    private final String token;
    private final WorkerEvents events;
    private final AttemptObserver observer;
    private final AtomicInteger workers = new AtomicInteger();
    private final Map<WorkerId, InMemoryControlConnection> running = new ConcurrentHashMap<>();

    /**
     * @param connections where the workers connect, presenting {@code token}
     * @param observer hears of every worker's attempts
     */
    LocalWorkerPool(String jobId, ShippedJob job, org.apache.hadoop.conf.Configuration hadoop,
                    WorkerConnections connections, String token, WorkerEvents events, AttemptObserver observer) {
        this.jobId = jobId;
        this.job = job;
        this.hadoop = hadoop;
        this.connections = connections;
        this.token = token;
        this.events = events;
        this.observer = observer;
    }

    @Override
    public void requestWorkers(int count, WorkerSpec spec) {
        for (int i = 0; i < count; i++) {
            events.workerAllocated(new WorkerId("worker-" + jobId + "-" + workers.incrementAndGet()), "localhost",
                    "");
        }
    }

    /** Starts the worker on a thread of its own; its end, however it comes, completes the worker. */
    /** Threads are granted at once: the job master never waits for them. */
    @Override
    public Optional<Headroom> headroom() {
        return Optional.empty();
    }

    @Override
    public void launch(WorkerId id, WorkerLaunch launch) {
        InMemoryControlConnection.Ends ends = InMemoryControlConnection.open(id.value());
        running.put(id, ends.master());
        connections.accept(ends.master());
        DaemonThreads.start(() -> {
            try (RocksDbResources rocksDb = RocksDbResources.fromConfig(job.configuration())) {
                new Worker(id.value(), ends.worker(), job, hadoop, (attempt, placements) -> new LocalChannels(),
                        rocksDb, observer, cause -> { })
                        .run(token, "localhost", 0, job.configuration().get(ClusterOptions.HEARTBEAT_INTERVAL).toMillis());
            } finally {
                ends.worker().close();
                running.remove(id);
                events.workerCompleted(id, 0, "");
            }
        }, id.value());
        events.workerStarted(id);
    }

    /** The worker ends its attempt and its thread once its connection is gone. */
    @Override
    public void release(WorkerId id) {
        InMemoryControlConnection connection = running.remove(id);
        if (connection != null) {
            connection.close();
        }
    }

    @Override
    public void stop(FinalStatus status, String diagnostics) {
        running.keySet().forEach(this::release);
    }

    @Override
    public void abandon() {
        stop(FinalStatus.FAILED, "abandoned");
    }
}
