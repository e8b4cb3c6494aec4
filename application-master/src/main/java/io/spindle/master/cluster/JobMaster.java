package io.spindle.master.cluster;

import io.spindle.core.concurrent.DaemonThreads;
import io.spindle.core.config.Configuration;
import io.spindle.core.options.CheckpointingOptions;
import io.spindle.core.plan.ExecutionPlan;
import io.spindle.core.plan.TaskVertex;
import io.spindle.core.restart.RestartPolicy;
import io.spindle.core.text.FirstLine;
import io.spindle.master.checkpoint.CheckpointFailureReason;
import io.spindle.master.checkpoint.CheckpointSummary;
import io.spindle.master.checkpoint.CheckpointTarget;
import io.spindle.master.checkpoint.CompletedCheckpointStats;
import io.spindle.master.checkpoint.JobCheckpointing;
import io.spindle.master.checkpoint.JobOutcome;
import io.spindle.protocol.SubtaskId;
import io.spindle.master.checkpoint.StateAssignment;
import io.spindle.master.checkpoint.StateRestoreException;
import io.spindle.master.cluster.ControlServer.RegisteredWorker;
import io.spindle.master.resources.FinalStatus;
import io.spindle.master.resources.WorkerEvents;
import io.spindle.master.resources.WorkerId;
import io.spindle.master.resources.WorkerLaunch;
import io.spindle.master.resources.WorkerPool;
import io.spindle.master.resources.WorkerSpec;
import io.spindle.master.rest.JobControl;
import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.protocol.checkpoint.SavepointRequest.Termination;
import io.spindle.protocol.checkpoint.TaskRestore;
import io.spindle.protocol.control.ControlMessage.Acknowledge;
import io.spindle.protocol.control.ControlMessage.Decline;
import io.spindle.protocol.control.ControlMessage.FirstRecord;
import io.spindle.protocol.control.ControlMessage.InputEnded;
import io.spindle.protocol.control.ControlMessage.Placement;
import io.spindle.protocol.control.ControlMessage.TaskDeployment;
import io.spindle.protocol.control.ControlMessage.TaskEnded;
import io.spindle.protocol.control.ControlMessage;
import io.spindle.protocol.control.SubtaskStates;
import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import io.spindle.state.checkpoint.storage.FencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Runs one job on worker containers, whatever they come from: gets enough of them from the {@link WorkerPool},
 * deploys every subtask into a slot, runs checkpoints, and on any failure (a task, a container, a silent worker,
 * too many failed checkpoints) cancels the attempt, asks the restart policy, replaces lost containers and
 * deploys the next attempt from the newest completed checkpoint. Everything happens on one thread, the loop:
 * the pool, the control server and the REST server only hand it events.
 */
public final class JobMaster implements WorkerEvents, ControlServer.Listener, JobControl {

    private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

    /** Task attempt numbers of master attempt k start at {@code (k - 1) * ATTEMPTS_PER_MASTER}, never reused. */
    static final int ATTEMPTS_PER_MASTER = 1000;

    private enum State { CREATED, RUNNING, RESTARTING, FINISHED, FAILED, CANCELLING, CANCELLED }

    private final String jobId;
    private final int masterAttempt;
    private final ExecutionPlan plan;
    private final Configuration configuration;
    private final org.apache.hadoop.conf.Configuration hadoop;
    private final WorkerSpec workerSpec;
    private final int slotsPerWorker;
    private final int workersNeeded;
    private final LongSupplier clock;
    private final ScheduledExecutorService loop =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("job-master"));
    private final EventJournal events;
    private final CompletableFuture<JobEnd> end = new CompletableFuture<>();
    private final RestartPolicy policy;
    private final Optional<JobCheckpointing> checkpointing;

    private WorkerPool pool;
    private Function<WorkerId, WorkerLaunch> launches;
    private int containersRequested;
    private final Map<String, String> allocatedHosts = new TreeMap<>();
    private final Map<String, RegisteredWorker> registered = new TreeMap<>();
    private State state = State.CREATED;
    private int attempt;
    private DeployedAttempt deployed;
    private final Set<SubtaskId> unfinished = new HashSet<>();
    private long restartDueMillis;
    private long failureMillis;
    private int restarts;
    private int abortedCheckpoints;
    private String failure;
    private final AtomicInteger savepointRequests = new AtomicInteger();
    /** Each savepoint request's entry of the status document, by request number. */
    private final Map<Integer, Map<String, Object>> savepoints = new TreeMap<>();
    /** The savepoint the job stops with, once it completed; the job then ends as its tasks finish. */
    private String stoppedWithSavepoint;
    /** The status entry of the savepoint request that stopped the job, while its tasks end. */
    private Map<String, Object> stopRequest;

    public JobMaster(String jobId, int masterAttempt, ExecutionPlan plan, org.apache.hadoop.conf.Configuration hadoop,
                     WorkerSpec workerSpec, int slotsPerWorker, LongSupplier clock) {
        this.jobId = jobId;
        this.masterAttempt = masterAttempt;
        this.plan = plan;
        this.configuration = plan.graph().configuration();
        this.hadoop = hadoop;
        this.workerSpec = workerSpec;
        this.slotsPerWorker = slotsPerWorker;
        this.workersNeeded = workersNeeded(plan, slotsPerWorker);
        this.clock = clock;
        this.events = new EventJournal(clock);
        this.attempt = (masterAttempt - 1) * ATTEMPTS_PER_MASTER - 1;
        this.checkpointing = JobCheckpointing.create(configuration, hadoop, plan, jobId, masterAttempt,
                cause -> onLoop(() -> {
                    if (cause instanceof FencedException) {
                        abandon(cause.getMessage());
                    } else {
                        failover("checkpoints failed: " + cause.getMessage());
                    }
                }));
        this.policy = RestartPolicy.fromConfig(configuration, checkpointing.isPresent(), new Random());
    }

    /** Slot sharing as in Flink: slot i holds subtask i of every vertex, so the widest vertex decides. */
    static int workersNeeded(ExecutionPlan plan, int slotsPerWorker) {
        int slots = plan.vertices().stream().mapToInt(TaskVertex::parallelism).max().orElse(1);
        return (slots + slotsPerWorker - 1) / slotsPerWorker;
    }

    /**
     * Starts the job on the pool's workers, each started as {@code launches} says; the future completes when the
     * job has ended for good.
     */
    public CompletableFuture<JobEnd> start(WorkerPool workerPool, Function<WorkerId, WorkerLaunch> launches) {
        onLoop(() -> {
            this.pool = workerPool;
            this.launches = launches;
            events.add("job " + plan.graph().jobName() + " (" + jobId + ", master attempt " + masterAttempt + ") needs "
                    + workersNeeded + " worker" + (workersNeeded == 1 ? "" : "s") + " of " + workerSpec + " with "
                    + slotsPerWorker + " slot" + (slotsPerWorker == 1 ? "" : "s") + " each");
            requestMissingWorkers();
        });
        return end;
    }

    /** Cancels the job: its tasks stop and it does not restart; it ends KILLED. */
    @Override
    public void cancel() {
        onLoop(() -> {
            if (isOver() || state == State.CANCELLING) {
                return;
            }
            events.add("cancelling the job");
            state = State.CANCELLING;
            checkpointing.ifPresent(c -> c.stopTriggering(CheckpointFailureReason.JOB_STOPPING));
            if (deployed != null) {
                deployed.sendToAll(new ControlMessage.CancelAttempt(deployed.number));
            }
            endJob(State.CANCELLED, JobOutcome.CANCELLED, FinalStatus.KILLED, "the job was cancelled");
        });
    }

    @Override
    public int savepoint(String directory, SavepointFormat format, Termination termination) {
        int request = savepointRequests.incrementAndGet();
        onLoop(() -> startSavepoint(request, directory, format, termination));
        return request;
    }

    private void startSavepoint(int request, String directory, SavepointFormat format, Termination termination) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("request", request);
        entry.put("format", format.name().toLowerCase(Locale.ROOT));
        entry.put("termination", termination.name().toLowerCase(Locale.ROOT));
        entry.put("state", "IN_PROGRESS");
        savepoints.put(request, entry);
        if (state != State.RUNNING) {
            savepointFailed(entry, "the job is " + state.name().toLowerCase(Locale.ROOT) + ", not running");
        } else if (checkpointing.isEmpty()) {
            savepointFailed(entry, JobCheckpointing.SAVEPOINTS_NEED_CHECKPOINTING);
        } else {
            events.add("savepoint " + request + " requested" + (directory == null ? "" : " into " + directory));
            checkpointing.get().triggerSavepoint(directory, format, termination).whenComplete((savepoint, cause) ->
                    onLoop(() -> {
                        if (cause != null) {
                            savepointFailed(entry, cause.getMessage() == null ? cause.toString() : cause.getMessage());
                            return;
                        }
                        entry.put("state", "COMPLETED");
                        entry.put("path", savepoint.directory());
                        events.add("savepoint " + request + " completed: " + savepoint.directory());
                        if (termination != Termination.NONE) {
                            stoppedWithSavepoint = savepoint.directory();
                            stopRequest = entry;
                        }
                    }));
        }
    }

    /** The cause on one line: an HDFS error's message carries the NameNode's stack trace after it. */
    private void savepointFailed(Map<String, Object> entry, String reason) {
        String cause = FirstLine.of(reason);
        entry.put("state", "FAILED");
        entry.put("failure", cause);
        events.add("savepoint " + entry.get("request") + " failed: " + cause);
    }

    // ---- worker pool events

    @Override
    public void workerAllocated(WorkerId id, String host) {
        onLoop(() -> {
            if (isOver() || allocatedHosts.size() >= workersNeeded) {
                pool.release(id);
                return;
            }
            allocatedHosts.put(id.value(), host);
            containersRequested--;
            pool.launch(id, launches.apply(id));
        });
    }

    @Override
    public void workerStarted(WorkerId id) {
        onLoop(() -> events.add("container " + id + " started on " + allocatedHosts.get(id.value())));
    }

    @Override
    public void workerCompleted(WorkerId id, int exitStatus, String diagnostics) {
        onLoop(() -> {
            allocatedHosts.remove(id.value());
            registered.remove(id.value());
            if (isOver()) {
                return;
            }
            String what = "container " + id + " exited with " + exitStatus + firstLine(diagnostics);
            events.add(what);
            if (deployed != null && deployed.runsOn(id.value()) && state == State.RUNNING) {
                failover(what);
            }
            requestMissingWorkers();
        });
    }

    /**
     * The ResourceManager no longer counts this attempt as the application's (it started another): the job is not
     * this attempt's to end, and its checkpoints belong to the new attempt.
     */
    @Override
    public void shutdownRequested() {
        onLoop(() -> abandon("the ResourceManager asked the ApplicationMaster to shut down: another attempt runs the"
                + " job"));
    }

    @Override
    public void error(Throwable cause) {
        onLoop(() -> end.completeExceptionally(cause));
    }

    // ---- control server events

    @Override
    public void workerConnected(RegisteredWorker worker) {
        onLoop(() -> {
            if (isOver() || !allocatedHosts.containsKey(worker.id())) {
                worker.connection().close();
                return;
            }
            registered.put(worker.id(), worker);
            LOG.info("Worker {} registered; data server {}:{}", worker.id(), worker.dataHost(), worker.dataPort());
            deployIfReady();
        });
    }

    @Override
    public void workerDisconnected(String workerId, String reason) {
        onLoop(() -> {
            if (registered.remove(workerId) == null || isOver()) {
                return;
            }
            events.add("worker " + workerId + " lost: " + reason);
            if (deployed != null && deployed.runsOn(workerId) && state == State.RUNNING) {
                failover("worker " + workerId + " lost: " + reason);
            }
            // the container may still live (a hung process): give it back; its completion brings a replacement
            pool.release(new WorkerId(workerId));
        });
    }

    @Override
    public void messageReceived(String workerId, ControlMessage message) {
        if (message instanceof Acknowledge ack) {
            // straight to the coordinator (thread-safe): a loop busy with a deployment must not delay checkpoints
            DeployedAttempt current = deployed;
            if (current != null && current.number == ack.attempt()) {
                checkpointing.ifPresent(c -> c.coordinator().acknowledge(SubtaskStates.snapshot(ack.snapshot())));
            }
        } else if (message instanceof Decline decline) {
            DeployedAttempt current = deployed;
            if (current != null && current.number == decline.attempt()) {
                checkpointing.ifPresent(c -> c.coordinator().decline(decline.taskName(), decline.checkpointId(),
                        new IllegalStateException(decline.cause())));
            }
        } else if (message instanceof InputEnded ended) {
            // on the loop: after the deployment that reset the reports, and dropped once the attempt failed
            onLoop(() -> {
                if (deployed != null && deployed.number == ended.attempt() && state == State.RUNNING) {
                    checkpointing.ifPresent(c -> c.inputEnded(new SubtaskId(ended.vertexId(), ended.subtask())));
                }
            });
        } else if (message instanceof TaskEnded ended) {
            onLoop(() -> taskEnded(ended));
        } else if (message instanceof FirstRecord first) {
            onLoop(() -> firstRecord(first));
        }
    }

    // ---- the job's course, on the loop

    private void requestMissingWorkers() {
        int missing = workersNeeded - allocatedHosts.size() - containersRequested;
        if (missing > 0 && !isOver()) {
            containersRequested += missing;
            pool.requestWorkers(missing, workerSpec);
        }
    }

    private void deployIfReady() {
        boolean waiting = state == State.CREATED || state == State.RESTARTING && clock.getAsLong() >= restartDueMillis;
        if (!waiting || registered.size() < workersNeeded) {
            return;
        }
        Map<SubtaskId, TaskRestore> restore;
        Restore source;
        try {
            source = restoreSource();
            restore = source == null ? Map.of() : StateAssignment.assign(source.checkpoint, plan, null, source.own,
                    configuration.get(CheckpointingOptions.ALLOW_NON_RESTORED_STATE));
        } catch (StateRestoreException e) {
            fail(e.getMessage());
            return;
        }
        attempt++;
        List<RegisteredWorker> workers = new ArrayList<>(registered.values()).subList(0, workersNeeded);
        deployed = new DeployedAttempt(attempt, workers);
        List<Placement> placements = new ArrayList<>();
        Map<String, List<TaskDeployment>> tasksByWorker = new LinkedHashMap<>();
        workers.forEach(worker -> tasksByWorker.put(worker.id(), new ArrayList<>()));
        unfinished.clear();
        for (TaskVertex vertex : plan.vertices()) {
            for (int subtask = 0; subtask < vertex.parallelism(); subtask++) {
                RegisteredWorker worker = deployed.workerFor(subtask);
                SubtaskId id = new SubtaskId(vertex.id(), subtask);
                placements.add(new Placement(vertex.id(), subtask, worker.dataHost(), worker.dataPort()));
                TaskRestore state = restore.get(id);
                tasksByWorker.get(worker.id()).add(new TaskDeployment(vertex.id(), subtask,
                        state == null ? new byte[0] : SubtaskStates.restoreBytes(state)));
                unfinished.add(id);
            }
        }
        String checkpointDirectory = checkpointing.map(JobCheckpointing::jobDirectory).orElse("");
        String restoreDirectory = source == null ? "" : source.checkpoint.stateRoot();
        for (RegisteredWorker worker : workers) {
            sendQuietly(worker, new ControlMessage.Deploy(jobId, attempt, checkpointDirectory, restoreDirectory,
                    source != null && source.own, placements, tasksByWorker.get(worker.id())));
        }
        state = State.RUNNING;
        events.add("attempt " + attempt + ": " + plan.totalSubtasks() + " subtasks deployed to " + workers.size()
                + " worker" + (workers.size() == 1 ? "" : "s")
                + (source == null ? "" : " from checkpoint " + source.checkpoint.checkpointId()));
        checkpointing.ifPresent(c -> c.start(deployed));
    }

    private record Restore(CompletedCheckpoint checkpoint, boolean own) { }

    /**
     * The newest checkpoint of this job (after a failover, or when an earlier master attempt completed some);
     * otherwise the configured savepoint or checkpoint; otherwise none.
     */
    private Restore restoreSource() {
        Optional<CompletedCheckpoint> latest = checkpointing.flatMap(JobCheckpointing::latestCompleted);
        if (latest.isPresent()) {
            // the savepoint that stopped the job, if a failure came before the job ended: its files are the user's
            return new Restore(latest.get(), !latest.get().savepoint());
        }
        if (configuration.contains(CheckpointingOptions.RESTORE_PATH)) {
            return new Restore(StateAssignment.checkpointAt(configuration.get(CheckpointingOptions.RESTORE_PATH), hadoop),
                    false);
        }
        return null;
    }

    private void taskEnded(TaskEnded ended) {
        if (deployed == null || ended.attempt() != deployed.number || state != State.RUNNING) {
            return;
        }
        SubtaskId id = new SubtaskId(ended.vertexId(), ended.subtask());
        switch (ended.outcome()) {
            case FINISHED -> {
                unfinished.remove(id);
                // a finished source can take part in no more checkpoints
                checkpointing.ifPresent(c -> c.stopTriggering(CheckpointFailureReason.JOB_STOPPING));
                if (unfinished.isEmpty()) {
                    endJob(State.FINISHED, JobOutcome.FINISHED, FinalStatus.SUCCEEDED, stoppedWithSavepoint == null
                            ? "the job finished" : "the job was stopped with savepoint " + stoppedWithSavepoint);
                }
            }
            case FAILED -> failover("task " + plan.vertices().get(ended.vertexId()).name() + " (" + (ended.subtask() + 1)
                    + "/" + plan.vertices().get(ended.vertexId()).parallelism() + ") failed: " + ended.failure());
            case CANCELLED -> { }
        }
    }

    /**
     * Every worker reports its first record; the attempt's first report says when it began to process, which for
     * the first deployment of a later master attempt is when the job resumed after its ApplicationMaster died.
     */
    private void firstRecord(FirstRecord first) {
        if (deployed == null || first.attempt() != deployed.number || deployed.processing) {
            return;
        }
        deployed.processing = true;
        events.add("attempt " + first.attempt() + " processing" + (failureMillis > 0
                ? " again " + (first.timeMillis() - failureMillis) + " ms after the failure" : ""));
        failureMillis = 0;
    }

    private void failover(String cause) {
        if (state != State.RUNNING) {
            return;
        }
        long now = clock.getAsLong();
        failureMillis = now;
        failure = cause;
        if (stoppedWithSavepoint != null) {
            // the failover resumes from the stop's savepoint, whose output the tasks may have committed
            String didNotStop = "the job did not stop: " + FirstLine.of(cause) + "; a restart resumes from this savepoint";
            stopRequest.put("failure", didNotStop);
            events.add("savepoint " + stopRequest.get("request") + ": " + didNotStop);
            stoppedWithSavepoint = null;
            stopRequest = null;
        }
        checkpointing.ifPresent(c -> c.stopTriggering(CheckpointFailureReason.TASK_FAILURE));
        deployed.sendToAll(new ControlMessage.CancelAttempt(deployed.number));
        policy.notifyFailure(now);
        if (!policy.canRestart(now)) {
            fail(cause + " (the restart policy allows no more restarts)");
            return;
        }
        long backoff = policy.backoffMillis(now);
        restarts++;
        state = State.RESTARTING;
        restartDueMillis = now + backoff;
        events.add("restart " + restarts + " in " + backoff + " ms after: " + cause);
        loop.schedule(this::deployIfReady, backoff, TimeUnit.MILLISECONDS);
    }

    private void fail(String cause) {
        failure = cause;
        endJob(State.FAILED, JobOutcome.FAILED, FinalStatus.FAILED, "job failed: " + cause);
    }

    /**
     * Ends this master attempt without ending the job: the tasks stop, the checkpoint directory is left as it is
     * (another attempt owns it now), and the cluster hears no final status from here.
     */
    private void abandon(String reason) {
        if (isOver()) {
            return;
        }
        state = State.FAILED;
        failure = reason;
        checkpointing.ifPresent(JobCheckpointing::close);
        for (RegisteredWorker worker : registered.values()) {
            sendQuietly(worker, new ControlMessage.Shutdown());
        }
        events.add("this attempt ends, the job goes on elsewhere: " + reason);
        end.complete(JobEnd.abandoned(reason));
    }

    private void endJob(State finalState, JobOutcome outcome, FinalStatus status, String diagnostics) {
        if (isOver()) {
            return;
        }
        state = finalState;
        checkpointing.ifPresent(c -> {
            c.close();
            c.jobEnded(outcome);
        });
        for (RegisteredWorker worker : registered.values()) {
            sendQuietly(worker, new ControlMessage.Shutdown());
        }
        events.add(diagnostics);
        end.complete(JobEnd.of(status, diagnostics));
    }

    private boolean isOver() {
        return state == State.FINISHED || state == State.FAILED || state == State.CANCELLED;
    }

    // ---- status

    /** The status document of the REST API, taken on the loop so that it is consistent. */
    @Override
    public Map<String, Object> status() {
        try {
            return loop.submit(this::statusNow).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the job master did not answer: " + e, e);
        }
    }

    private Map<String, Object> statusNow() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("application", jobId);
        status.put("attempt", masterAttempt);
        status.put("job", plan.graph().jobName());
        status.put("state", state.name());
        status.put("restarts", restarts);
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (TaskVertex vertex : plan.vertices()) {
            for (int subtask = 0; subtask < vertex.parallelism(); subtask++) {
                SubtaskId id = new SubtaskId(vertex.id(), subtask);
                Map<String, Object> task = new LinkedHashMap<>();
                task.put("name", vertex.name());
                task.put("subtask", subtask);
                task.put("worker", deployed == null ? "" : deployed.workerFor(subtask).id());
                task.put("state", taskState(id));
                tasks.add(task);
            }
        }
        status.put("tasks", tasks);
        List<Map<String, Object>> containers = new ArrayList<>();
        allocatedHosts.forEach((id, host) -> {
            Map<String, Object> container = new LinkedHashMap<>();
            container.put("id", id);
            container.put("host", host);
            container.put("state", registered.containsKey(id) ? "RUNNING" : "STARTING");
            containers.add(container);
        });
        status.put("containers", containers);
        Map<String, Object> checkpoints = new LinkedHashMap<>();
        checkpoints.put("completed", checkpointing.map(c -> c.coordinator().completedCount()).orElse(0));
        checkpoints.put("failed", abortedCheckpoints);
        checkpointing.flatMap(c -> c.coordinator().latestCompletedStats())
                .ifPresent(latest -> checkpoints.put("latest", checkpointDocument(latest)));
        checkpointing.flatMap(c -> CheckpointSummary.of(c.completed())).ifPresent(summary -> {
            // of this master attempt's checkpoints: an earlier attempt's figures died with it
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("duration_ms_p50", summary.durationMillisP50());
            figures.put("duration_ms_max", summary.durationMillisMax());
            figures.put("incremental_bytes_p50", summary.incrementalBytesP50());
            checkpoints.put("summary", figures);
        });
        status.put("checkpoints", checkpoints);
        status.put("savepoints", List.copyOf(savepoints.values()));
        if (failure != null) {
            status.put("failure", failure);
        }
        status.put("events", events.events());
        return status;
    }

    private String taskState(SubtaskId id) {
        if (deployed == null) {
            return "CREATED";
        }
        if (state == State.RUNNING) {
            return unfinished.contains(id) ? "RUNNING" : "FINISHED";
        }
        return state == State.FINISHED ? "FINISHED" : "CANCELED";
    }

    private Map<String, Object> checkpointDocument(CompletedCheckpointStats stats) {
        Map<String, Object> checkpoint = new LinkedHashMap<>();
        checkpoint.put("id", stats.checkpointId());
        checkpoint.put("path", checkpointing.map(JobCheckpointing::jobDirectory).orElse("") + "/chk-"
                + stats.checkpointId());
        checkpoint.put("state_bytes", stats.fullBytes());
        checkpoint.put("incremental_bytes", stats.incrementalBytes());
        checkpoint.put("duration_ms", stats.durationMillis());
        return checkpoint;
    }

    private void onLoop(Runnable action) {
        loop.execute(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("The job master failed", e);
                end.completeExceptionally(e);
            }
        });
    }

    private static void sendQuietly(RegisteredWorker worker, ControlMessage message) {
        try {
            worker.connection().send(message);
        } catch (IOException e) {
            LOG.debug("Worker {} did not take {}: {}", worker.id(), message, e.toString());
        }
    }

    private static String firstLine(String diagnostics) {
        String line = FirstLine.of(diagnostics);
        return line.isEmpty() ? "" : " (" + line + ")";
    }

    /**
     * The workers of one attempt as the checkpoint coordinator reaches them. Messages to a worker that is gone
     * are dropped: its loss reaches the loop on its own.
     */
    private final class DeployedAttempt implements CheckpointTarget {

        private final int number;
        private final List<RegisteredWorker> workers;
        /** A worker has reported its first record; only the loop reads and writes it. */
        private boolean processing;

        DeployedAttempt(int number, List<RegisteredWorker> workers) {
            this.number = number;
            this.workers = List.copyOf(workers);
        }

        boolean runsOn(String workerId) {
            return workers.stream().anyMatch(worker -> worker.id().equals(workerId));
        }

        /** Subtask i of every vertex runs in slot i. */
        RegisteredWorker workerFor(int subtask) {
            return workers.get(subtask / slotsPerWorker);
        }

        void sendToAll(ControlMessage message) {
            workers.forEach(worker -> sendQuietly(worker, message));
        }

        @Override
        public void triggerCheckpoint(CheckpointBarrier barrier) {
            sendToAll(new ControlMessage.TriggerCheckpoint(number, barrier));
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            sendToAll(new ControlMessage.CheckpointComplete(number, checkpointId));
            checkpointing.flatMap(c -> c.coordinator().latestCompletedStats()).ifPresent(stats -> {
                events.add("checkpoint " + checkpointId + " completed in " + stats.durationMillis() + " ms: "
                        + stats.fullBytes() + " bytes of state, " + stats.incrementalBytes() + " uploaded");
            });
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId) {
            sendToAll(new ControlMessage.CheckpointAborted(number, checkpointId));
            onLoop(() -> abortedCheckpoints++);
        }
    }
}
