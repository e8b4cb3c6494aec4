package io.spindle.runtime.worker;

import io.spindle.core.concurrent.DaemonThreads;
import io.spindle.core.io.LocalFiles;
import io.spindle.core.options.CheckpointingMode;
import io.spindle.core.options.CheckpointingOptions;
import io.spindle.core.options.MetricsOptions;
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
import io.spindle.protocol.control.ControlMessage.Shutdown;
import io.spindle.protocol.control.ControlMessage.TaskDeployment;
import io.spindle.protocol.control.ControlMessage.TriggerCheckpoint;
import io.spindle.protocol.control.ControlMessage;
import io.spindle.protocol.control.SubtaskStates;
import io.spindle.protocol.metrics.MetricsReport;
import io.spindle.runtime.metrics.MetricsReporter;
import io.spindle.runtime.tasks.ChannelProvider;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A worker's work, in a container of its own or as threads of the master's JVM: it introduces itself to the master,
 * then runs the attempts the master deploys, one after another, and relays checkpoint commands to them. Attempt
 * commands are carried out in order on one thread, so a new attempt starts only after the previous one's tasks have
 * all ended; the connection's reader never waits for them. What a worker does when it loses its master is its
 * caller's to say: a container ends at once (nobody will commit what its tasks write).
 */
public final class Worker {

    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    private static final int BUFFER_SIZE = 32 * 1024;

    private final String workerId;
    private final ControlConnection master;
    private final ShippedJob job;
    private final org.apache.hadoop.conf.Configuration hadoop;
    private final AttemptChannels channels;
    private final RocksDbResources rocksDb;
    private final AttemptObserver observer;
    private final Consumer<IOException> masterLost;
    private final ExecutorService attemptThread = Executors.newSingleThreadExecutor(DaemonThreads.factory("attempts"));
    private final ExecutorService uploadThreads = Executors.newFixedThreadPool(2,
            DaemonThreads.factory("checkpoint-upload"));
    private final ScheduledExecutorService heartbeats =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("heartbeat"));
    /** Touched only on the attempt thread. */
    private WorkerAttempt current;
    /** The attempt whose subtasks the heartbeats report: the current one, for the heartbeat thread. */
    private volatile WorkerAttempt reported;
    /** Null when metrics are disabled. */
    private final MetricsReporter metrics;

    /**
     * @param masterLost what to do when the connection to the master is gone; if it returns, the worker ends its
     *                   attempt and {@link #run} returns
     */
    public Worker(String workerId, ControlConnection master, ShippedJob job, org.apache.hadoop.conf.Configuration hadoop,
                  AttemptChannels channels, RocksDbResources rocksDb, AttemptObserver observer,
                  Consumer<IOException> masterLost) {
        this.workerId = workerId;
        this.master = master;
        this.job = job;
        this.hadoop = hadoop;
        this.channels = channels;
        this.rocksDb = rocksDb;
        this.observer = observer;
        this.masterLost = masterLost;
        this.metrics = job.configuration().get(MetricsOptions.ENABLED)
                ? new MetricsReporter(System::nanoTime, System::currentTimeMillis) : null;
    }

    /**
     * Serves the master until it says the job is over, or is gone; returns only then.
     *
     * @param dataHost where this worker's tasks are reached for data (the data server's host and port)
     */
    public void run(String token, String dataHost, int dataPort, long heartbeatMillis) {
        send(new ControlMessage.Hello(workerId, token, dataHost, dataPort));
        heartbeats.scheduleWithFixedDelay(() -> send(new ControlMessage.Heartbeat(metricsReport())), heartbeatMillis,
                heartbeatMillis, TimeUnit.MILLISECONDS);
        while (true) {
            ControlMessage message;
            try {
                message = master.receive();
            } catch (IOException e) {
                masterLost(e);
                endWorker();
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
                endWorker();
                return;
            } else {
                LOG.warn("Worker {} ignores unexpected message {}", workerId, message);
            }
        }
    }

    /**
     * Ends the current attempt, then the worker's threads; the uploads of its tasks end before this returns, so that
     * nothing is written into the checkpoint directory once the worker is gone.
     */
    private void endWorker() {
        attemptThread.execute(this::endCurrentAttempt);
        attemptThread.shutdown();
        heartbeats.shutdownNow();
        uploadThreads.shutdown();
        try {
            attemptThread.awaitTermination(1, TimeUnit.MINUTES);
            uploadThreads.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private MetricsReport metricsReport() {
        if (metrics == null) {
            return MetricsReport.EMPTY;
        }
        WorkerAttempt attempt = reported;
        return attempt == null ? metrics.report(-1, List.of()) : metrics.report(attempt.number(), attempt.tasks());
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
        ChannelProvider attemptChannels = channels.open(deploy.attempt(), deploy.placements());
        WorkerAttempt attempt = new WorkerAttempt(deploy.attempt(), this::send, attemptChannels, observer);
        current = attempt;
        reported = attempt;
        TaskServices services = new TaskServices(deploy.jobId(), deploy.attempt(), attemptChannels, rocksDb,
                createStateDirectory(deploy.attempt()),
                new HadoopFileAccess(hadoop), System::currentTimeMillis,
                job.configuration().get(PipelineOptions.BUFFER_TIMEOUT).toMillis(), BUFFER_SIZE, attempt, attempt,
                job.configuration().get(CheckpointingOptions.MODE) == CheckpointingMode.EXACTLY_ONCE,
                job.configuration().contains(CheckpointingOptions.INTERVAL),
                deploy.checkpointDirectory().isEmpty() ? null
                        : new CheckpointUploads(snapshotFiles(deploy.checkpointDirectory()), this::snapshotFiles,
                                uploadThreads), metrics != null);
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
        reported = null;
    }

    private void send(ControlMessage message) {
        try {
            master.send(message);
        } catch (IOException e) {
            masterLost(e);
        }
    }

    private void masterLost(IOException cause) {
        LOG.info("Worker {} lost its master ({})", workerId, cause.toString());
        masterLost.accept(cause);
    }

    private SnapshotFiles snapshotFiles(String directory) {
        return HadoopSnapshotFiles.forDirectory(directory, hadoop);
    }

    /** The RocksDB directories of one attempt's subtasks lie under this one, apart from other workers' in this JVM. */
    private Path stateDirectory(int attempt) {
        return StateBackendOptions.rocksDbLocalDir(job.configuration()).resolve(workerId).resolve("attempt-" + attempt);
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
}
