package io.spindle.runtime.worker;

import io.spindle.core.concurrent.DaemonThreads;
import io.spindle.core.io.LocalFiles;
import io.spindle.core.options.CheckpointingMode;
import io.spindle.core.options.CheckpointingOptions;
import io.spindle.core.options.PipelineOptions;
import io.spindle.core.options.StateBackendOptions;
import io.spindle.core.plan.TaskVertex;
import io.spindle.runtime.checkpoint.CheckpointUploads;
import io.spindle.protocol.checkpoint.TaskRestore;
import io.spindle.protocol.control.ControlConnection;
import io.spindle.protocol.control.ControlMessage.CancelAttempt;
import io.spindle.protocol.control.ControlMessage.CheckpointAborted;
import io.spindle.protocol.control.ControlMessage.CheckpointComplete;
import io.spindle.protocol.control.ControlMessage.Deploy;
import io.spindle.protocol.control.ControlMessage.Placement;
import io.spindle.protocol.control.ControlMessage.Shutdown;
import io.spindle.protocol.control.ControlMessage.TaskDeployment;
import io.spindle.protocol.control.ControlMessage.TriggerCheckpoint;
import io.spindle.protocol.control.ControlMessage;
import io.spindle.protocol.control.SubtaskStates;
import io.spindle.runtime.net.DataServer;
import io.spindle.runtime.net.NettyChannels;
import io.spindle.runtime.tasks.TaskFactory;
import io.spindle.runtime.tasks.TaskServices;
import io.spindle.state.fs.HadoopFileAccess;
import io.spindle.state.rocksdb.HadoopSnapshotFiles;
import io.spindle.state.rocksdb.RocksDbResources;
import io.spindle.state.rocksdb.SnapshotFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A worker process's work: it introduces itself to the master, then runs the attempts the master deploys,
 * one after another, and relays checkpoint commands to them. Attempt commands are carried out in order on
 * one thread, so a new attempt starts only after the previous one's tasks have all ended; the connection's
 * reader never waits for them. A worker that loses its master stops at once (see {@link #masterLost}).
 */
final class Worker {

    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    private static final int BUFFER_SIZE = 32 * 1024;
    /** Exit code of a worker whose master went away; the master's successor does not wait for it. */
    static final int EXIT_MASTER_LOST = 3;

    private final String workerId;
    private final ControlConnection master;
    private final ShippedJob job;
    private final org.apache.hadoop.conf.Configuration hadoop;
    private final DataServer dataServer;
    private final RocksDbResources rocksDb;
    private final ExecutorService attemptThread = Executors.newSingleThreadExecutor(DaemonThreads.factory("attempts"));
    private final ExecutorService uploadThreads = Executors.newFixedThreadPool(2,
            DaemonThreads.factory("checkpoint-upload"));
    private final ScheduledExecutorService heartbeats =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("heartbeat"));
    /** Touched only on the attempt thread. */
    private WorkerAttempt current;

    Worker(String workerId, ControlConnection master, ShippedJob job, org.apache.hadoop.conf.Configuration hadoop,
           DataServer dataServer, RocksDbResources rocksDb) {
        this.workerId = workerId;
        this.master = master;
        this.job = job;
        this.hadoop = hadoop;
        this.dataServer = dataServer;
        this.rocksDb = rocksDb;
    }

    /** Serves the master until it says the job is over; returns normally only then. */
    void run(String token, String dataHost, long heartbeatMillis) {
        send(new ControlMessage.Hello(workerId, token, dataHost, dataServer.port()));
        heartbeats.scheduleWithFixedDelay(() -> send(new ControlMessage.Heartbeat()), heartbeatMillis, heartbeatMillis,
                TimeUnit.MILLISECONDS);
        while (true) {
            ControlMessage message;
            try {
                message = master.receive();
            } catch (IOException e) {
                masterLost(e);
                return;
            }
            if (message instanceof Deploy deploy) {
                attemptThread.execute(() -> deploy(deploy));
            } else if (message instanceof TriggerCheckpoint trigger) {
                onAttempt(trigger.attempt(), a -> a.triggerCheckpoint(trigger.barrier()));
            } else if (message instanceof CheckpointComplete complete) {
                onAttempt(complete.attempt(), a -> a.notifyCheckpointComplete(complete.checkpointId()));
            } else if (message instanceof CheckpointAborted aborted) {
                onAttempt(aborted.attempt(), a -> a.notifyCheckpointAborted(aborted.checkpointId()));
            } else if (message instanceof CancelAttempt cancel) {
                onAttempt(cancel.attempt(), WorkerAttempt::cancel);
            } else if (message instanceof Shutdown) {
                LOG.info("Worker {} shutting down: the job is over", workerId);
                attemptThread.execute(this::endCurrentAttempt);
                attemptThread.shutdown();
                awaitAttemptThread();
                return;
            } else {
                LOG.warn("Worker {} ignores unexpected message {}", workerId, message);
            }
        }
    }

    private void onAttempt(int attempt, Consumer<WorkerAttempt> action) {
        attemptThread.execute(() -> {
            if (current != null && current.number() == attempt) {
                action.accept(current);
            }
        });
    }

    private void deploy(Deploy deploy) {
        endCurrentAttempt();
        Map<Long, InetSocketAddress> producers = new HashMap<>();
        for (Placement placement : deploy.placements()) {
            producers.put(key(placement.vertexId(), placement.subtask()),
                    new InetSocketAddress(placement.host(), placement.port()));
        }
        NettyChannels channels = new NettyChannels(dataServer, deploy.attempt(),
                (vertexId, subtask) -> producers.get(key(vertexId, subtask)));
        WorkerAttempt attempt = new WorkerAttempt(deploy.attempt(), this::send, channels);
        current = attempt;
        TaskServices services = new TaskServices(deploy.jobId(), deploy.attempt(), channels, rocksDb, createStateDirectory(deploy.attempt()),
                new HadoopFileAccess(hadoop), System::currentTimeMillis,
                job.configuration().get(PipelineOptions.BUFFER_TIMEOUT).toMillis(), BUFFER_SIZE, attempt, attempt,
                job.configuration().get(CheckpointingOptions.MODE) == CheckpointingMode.EXACTLY_ONCE,
                deploy.checkpointDirectory().isEmpty() ? null
                        : new CheckpointUploads(snapshotFiles(deploy.checkpointDirectory()), this::snapshotFiles,
                                uploadThreads));
        SnapshotFiles restoreFiles = deploy.restoreDirectory().isEmpty() ? null : snapshotFiles(deploy.restoreDirectory());
        for (TaskDeployment task : deploy.tasks()) {
            TaskVertex vertex = job.plan().vertices().get(task.vertexId());
            try {
                TaskRestore restore = task.restore().length == 0 ? null
                        : SubtaskStates.restore(task.restore(), restoreFiles, deploy.restoreFromOwnCheckpoint());
                attempt.add(TaskFactory.create(job.plan(), job.freshGraph(), vertex, task.subtask(),
                        services, restore), task.vertexId(), task.subtask());
            } catch (RuntimeException e) {
                LOG.warn("Worker {} could not start subtask {} of {}: {}", workerId, task.subtask(), vertex.name(), e.toString());
                attempt.failedToStart(task.vertexId(), task.subtask(), e);
            }
        }
        attempt.start();
        LOG.info("Worker {} runs {} subtasks of attempt {}", workerId, deploy.tasks().size(), deploy.attempt());
    }

    private void endCurrentAttempt() {
        if (current == null) {
            return;
        }
        try {
            current.end();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteStateDirectory(current.number());
        current = null;
    }

    private void send(ControlMessage message) {
        try {
            master.send(message);
        } catch (IOException e) {
            masterLost(e);
        }
    }

    /**
     * Without its master nobody will commit what the tasks write, and a new master attempt restarts the job
     * from its last checkpoint elsewhere: tasks that went on would only write output nobody wants. So the
     * process ends here, without waiting for anything.
     */
    private void masterLost(IOException cause) {
        LOG.error("Worker {} lost its master ({}); exiting", workerId, cause.toString());
        Runtime.getRuntime().halt(EXIT_MASTER_LOST);
    }

    private SnapshotFiles snapshotFiles(String directory) {
        return HadoopSnapshotFiles.forDirectory(directory, hadoop);
    }

    /** The RocksDB directories of one attempt's subtasks lie under this one. */
    private Path stateDirectory(int attempt) {
        return StateBackendOptions.rocksDbLocalDir(job.configuration()).resolve("attempt-" + attempt);
    }

    private Path createStateDirectory(int attempt) {
        Path directory = stateDirectory(attempt);
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the local state directory " + directory, e);
        }
    }

    private void deleteStateDirectory(int attempt) {
        Path directory = stateDirectory(attempt);
        try {
            LocalFiles.deleteRecursively(directory);
        } catch (IOException e) {
            LOG.warn("Worker {} could not delete {}: {}", workerId, directory, e.toString());
        }
    }

    private void awaitAttemptThread() {
        try {
            attemptThread.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long key(int vertexId, int subtask) {
        return (long) vertexId << 32 | subtask;
    }
}
