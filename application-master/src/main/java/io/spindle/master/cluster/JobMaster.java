package io.spindle.master.cluster;

import io.spindle.core.concurrent.EventLoop;
import io.spindle.core.config.Configuration;
import io.spindle.core.config.Durations;
import io.spindle.core.options.CheckpointingOptions;
import io.spindle.core.options.ClusterOptions;
import io.spindle.core.plan.ExecutionPlan;
import io.spindle.core.plan.TaskVertex;
import io.spindle.core.restart.RestartPolicy;
import io.spindle.core.text.FirstLine;
import io.spindle.master.checkpoint.CheckpointFailureReason;
import io.spindle.master.checkpoint.CheckpointTarget;
import io.spindle.master.checkpoint.JobCheckpointing;
import io.spindle.master.checkpoint.JobOutcome;
import io.spindle.master.checkpoint.StateAssignment;
import io.spindle.master.checkpoint.StateRestoreException;
import io.spindle.master.cluster.WorkerConnections.RegisteredWorker;
import io.spindle.master.metrics.JobMetrics;
import io.spindle.master.metrics.JobMetricsCollector;
import io.spindle.master.metrics.RestartCause;
import io.spindle.master.metrics.VertexRates;
import io.spindle.master.resources.FinalStatus;
import io.spindle.master.resources.Headroom;
import io.spindle.master.resources.WorkerEvents;
import io.spindle.master.resources.WorkerId;
import io.spindle.master.resources.WorkerLaunch;
import io.spindle.master.resources.WorkerPool;
import io.spindle.master.resources.WorkerSpec;
import io.spindle.master.rest.CheckpointsView;
import io.spindle.master.rest.JobControl;
import io.spindle.protocol.SubtaskId;
import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.protocol.checkpoint.SavepointRequest.Termination;
import io.spindle.protocol.checkpoint.TaskRestore;
import io.spindle.protocol.control.ControlMessage;
import io.spindle.protocol.control.ControlMessage.Acknowledge;
import io.spindle.protocol.control.ControlMessage.Decline;
import io.spindle.protocol.control.ControlMessage.FirstRecord;
import io.spindle.protocol.control.ControlMessage.InputEnded;
import io.spindle.protocol.control.ControlMessage.Placement;
import io.spindle.protocol.control.ControlMessage.TaskDeployment;
import io.spindle.protocol.control.ControlMessage.TaskEnded;
import io.spindle.protocol.control.SubtaskStates;
import io.spindle.protocol.metrics.JvmReadings;
import io.spindle.protocol.metrics.MetricsReport;
import io.spindle.protocol.status.CompletedCheckpointStats;
import io.spindle.protocol.status.StatusDocument;
import io.spindle.protocol.status.StatusDocument.EventKind;
import io.spindle.protocol.status.StatusDocument.Waiting;
import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import io.spindle.state.checkpoint.storage.FencedException;
import io.prometheus.metrics.model.registry.MultiCollector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one job on workers, wherever they come from (YARN containers, or threads of this JVM): gets enough of them from
 * the {@link WorkerPool}, deploys every subtask into a slot, runs checkpoints, and on any failure (a task, a worker,
 * a silent worker, too many failed checkpoints) cancels the attempt, asks the restart policy, replaces lost workers
 * and deploys the next attempt from the newest completed checkpoint. Workers the cluster does not grant within
 * {@code slot.request.timeout} fail the attempt the same way. This is the job's one course, for local and
 * YARN execution alike. Everything happens on one {@link EventLoop}, the checkpoint coordination included: the pool,
 * the worker connections and the REST server only hand it events, so nothing here needs a lock.
 */
public final class JobMaster implements WorkerEvents, WorkerConnections.Listener, JobControl {

    private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

    /** Task attempt numbers of master attempt k start at {@code (k - 1) * ATTEMPTS_PER_MASTER}, never reused. */
    static final int ATTEMPTS_PER_MASTER = 1000;
    /** How long the end of a job waits for its workers to shut down. */
    static final long WORKER_SHUTDOWN_MILLIS = 60_000;

    private enum State { CREATED, RUNNING, RESTARTING, FINISHED, FAILED, CANCELLING, CANCELLED }

    private final String jobId;
    private final int masterAttempt;
    private final ExecutionPlan plan;
    private final Configuration configuration;
    private final org.apache.hadoop.conf.Configuration hadoop;
    private final WorkerSpec workerSpec;
    private final int slotsPerWorker;
    private final int workersNeeded;
    private final EventLoop loop;
    private final EventJournal events;
    private final SavepointRequests savepoints;
    private final CompletableFuture<JobEnd> end = new CompletableFuture<>();
    private final RestartPolicy policy;
    private final Optional<JobCheckpointing> checkpointing;
    private final WorkerWait workerWait;
    private final JobMetrics metrics = new JobMetrics();
    private final JobMetricsCollector metricsCollector;

    private WorkerPool pool;
    private Function<WorkerId, WorkerLaunch> launches;
    private int containersRequested;
    private final Map<String, StatusDocument.Container> allocated = new TreeMap<>();
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
    private Long firstRecordMillis;
    private final List<Long> recoveryMillis = new ArrayList<>();
    /** What is left to do of the job's end once its workers are gone; null when nothing is. */
    private Runnable ending;

    /**
     * @param slotsPerWorker subtasks of each vertex a worker runs; slot i holds subtask i of every vertex
     * @param loop where everything of this job master happens, with the clock it goes by
     * @param random the restart policy's source of jitter
     * @param checkpointing how the job checkpoints, on the loop
     */
    public JobMaster(String jobId, int masterAttempt, ExecutionPlan plan, org.apache.hadoop.conf.Configuration hadoop,
                     WorkerSpec workerSpec, int slotsPerWorker, EventLoop loop, Random random,
                     JobCheckpointing.Factory checkpointing) {
        this.jobId = jobId;
        this.masterAttempt = masterAttempt;
        this.plan = plan;
        this.configuration = plan.graph().configuration();
        this.hadoop = hadoop;
        this.workerSpec = workerSpec;
        this.slotsPerWorker = slotsPerWorker;
        this.workersNeeded = workersNeeded(plan, slotsPerWorker);
        this.loop = loop;
        this.events = new EventJournal(loop);
        this.savepoints = new SavepointRequests(events);
        this.attempt = (masterAttempt - 1) * ATTEMPTS_PER_MASTER - 1;
        this.checkpointing = checkpointing.create(loop, cause -> onLoop(() -> {
            if (cause instanceof FencedException) {
                abandon(cause.getMessage());
            } else {
                failover(RestartCause.CHECKPOINT_FAILURE, "checkpoints failed: " + cause.getMessage());
            }
        }));
        this.workerWait = new WorkerWait(configuration.get(ClusterOptions.SLOT_REQUEST_TIMEOUT).toMillis());
        this.policy = RestartPolicy.fromConfig(configuration, configuration.contains(CheckpointingOptions.INTERVAL),
                random);
        this.metricsCollector = new JobMetricsCollector(plan.vertices().stream().map(TaskVertex::name).toList(),
                metrics, this::status, JvmReadings::read);
    }

    /** Slot sharing as in Flink: slot i holds subtask i of every vertex, so the widest vertex decides. */
    static int workersNeeded(ExecutionPlan plan, int slotsPerWorker) {
        int slots = plan.vertices().stream().mapToInt(TaskVertex::parallelism).max().orElse(1);
        return (slots + slotsPerWorker - 1) / slotsPerWorker;
    }

    /**
     * Starts the job on the pool's workers, each started as {@code launches} says; the future completes when the
     * job has ended for good, or this master attempt was abandoned.
     */
    public CompletableFuture<JobEnd> start(WorkerPool workerPool, Function<WorkerId, WorkerLaunch> launches) {
        onLoop(() -> {
            this.pool = workerPool;
            this.launches = launches;
            events.add(EventKind.STARTED, "job " + plan.graph().jobName() + " (" + jobId + ", master attempt "
                    + masterAttempt + ") needs " + workersNeeded + " worker" + (workersNeeded == 1 ? "" : "s")
                    + " of " + workerSpec + " with " + slotsPerWorker + " slot" + (slotsPerWorker == 1 ? "" : "s")
                    + " each" + checkpointing.map(c -> "; its checkpoints go to " + c.jobDirectory()).orElse(""));
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
            events.add(EventKind.CANCELLING, "cancelling the job");
            state = State.CANCELLING;
            checkpointing.ifPresent(c -> c.stopTriggering(CheckpointFailureReason.JOB_STOPPING));
            if (deployed != null) {
                deployed.sendToAll(new ControlMessage.CancelAttempt(deployed.number()));
            }
            endJob(State.CANCELLED, JobOutcome.CANCELLED, FinalStatus.KILLED, "the job was cancelled");
        });
    }

    @Override
    public int savepoint(String directory, SavepointFormat format, Termination termination) {
        return requestSavepoint(directory, format, termination).request();
    }

    /**
     * A savepoint of the running job into a new directory under {@code directory} (null: the configured savepoint
     * directory); with a termination other than NONE the job then stops (drained first for DRAIN).
     *
     * @return the request, whose future completes with the savepoint's path, or exceptionally with why there is none
     */
    public SavepointTicket requestSavepoint(String directory, SavepointFormat format, Termination termination) {
        SavepointTicket ticket = savepoints.next();
        onLoop(() -> {
            if (state != State.RUNNING) {
                savepoints.failed(ticket, "the job is " + state.name().toLowerCase(Locale.ROOT)
                        + ", not running");
            } else if (checkpointing.isEmpty()) {
                savepoints.failed(ticket, "savepoints need a checkpoint directory: set "
                        + CheckpointingOptions.CHECKPOINTS_DIRECTORY.key());
            } else {
                savepoints.started(ticket, directory);
                checkpointing.get().triggerSavepoint(directory, format, termination).whenComplete((savepoint, cause) ->
                        onLoop(() -> {
                            if (cause != null) {
                                savepoints.failed(ticket, cause.getMessage() == null ? cause.toString()
                                        : cause.getMessage());
                            } else {
                                savepoints.completed(ticket, savepoint.directory(), termination != Termination.NONE);
                            }
                        }));
            }
        });
        return ticket;
    }

    // ---- worker pool events

    @Override
    public void workerAllocated(WorkerId id, String host, String logsUrl) {
        onLoop(() -> {
            if (isOver() || allocated.size() >= workersNeeded) {
                pool.release(id);
                return;
            }
            allocated.put(id.value(), new StatusDocument.Container(id.value(), host, "STARTING", logsUrl));
            containersRequested--;
            watchForMissingWorkers();
            pool.launch(id, launches.apply(id));
        });
    }

    @Override
    public void workerStarted(WorkerId id) {
        onLoop(() -> events.add(EventKind.CONTAINER_STARTED, "container " + id + " started on "
                + allocated.get(id.value()).host()));
    }

    @Override
    public void workerCompleted(WorkerId id, int exitStatus, String diagnostics) {
        onLoop(() -> {
            allocated.remove(id.value());
            forget(id.value());
            if (isOver()) {
                return;
            }
            String what = "container " + id + " exited with " + exitStatus + firstLine(diagnostics);
            events.add(EventKind.CONTAINER_ENDED, what);
            if (deployed != null && deployed.runsOn(id.value()) && state == State.RUNNING) {
                failover(RestartCause.CONTAINER_EXITED, what);
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

    // ---- worker connection events

    @Override
    public void workerConnected(RegisteredWorker worker) {
        onLoop(() -> {
            if (isOver() || !allocated.containsKey(worker.id())) {
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
        metrics.workerGone(workerId);
        onLoop(() -> {
            if (!forget(workerId) || isOver()) {
                return;
            }
            events.add(EventKind.WORKER_LOST, "worker " + workerId + " lost: " + reason);
            if (deployed != null && deployed.runsOn(workerId) && state == State.RUNNING) {
                failover(RestartCause.WORKER_LOST, "worker " + workerId + " lost: " + reason);
            }
            // the container may still live (a hung process): give it back; its completion brings a replacement
            pool.release(new WorkerId(workerId));
        });
    }

    /** Kept as it comes, off the loop: metrics need no order with the job's course. */
    @Override
    public void metricsReported(String workerId, MetricsReport report) {
        metrics.reported(workerId, report);
    }

    /** Every message of a worker is handled on the loop, in the order it came; a late word of an old attempt is dropped. */
    @Override
    public void messageReceived(String workerId, ControlMessage message) {
        onLoop(() -> {
            if (deployed == null || state != State.RUNNING) {
                return;
            }
            if (message instanceof Acknowledge ack && ack.attempt() == deployed.number()) {
                checkpointing.ifPresent(c -> c.coordinator().acknowledge(
                        SubtaskStates.snapshot(ack.snapshot(), ack.times())));
            } else if (message instanceof Decline decline && decline.attempt() == deployed.number()) {
                checkpointing.ifPresent(c -> c.coordinator().decline(decline.taskName(), decline.checkpointId(),
                        new IllegalStateException(decline.cause())));
            } else if (message instanceof InputEnded ended && ended.attempt() == deployed.number()) {
                checkpointing.ifPresent(c -> c.inputEnded(new SubtaskId(ended.vertexId(), ended.subtask())));
            } else if (message instanceof TaskEnded ended && ended.attempt() == deployed.number()) {
                taskEnded(ended);
            } else if (message instanceof FirstRecord first && first.attempt() == deployed.number()) {
                firstRecord(first);
            }
        });
    }

    // ---- the job's course, on the loop

    private void requestMissingWorkers() {
        int missing = workersNeeded - allocated.size() - containersRequested;
        if (missing > 0 && !isOver()) {
            containersRequested += missing;
            pool.requestWorkers(missing, workerSpec);
        }
        watchForMissingWorkers();
    }

    /** Workers are missing only before a deployment: losing one of a running attempt fails it over first. */
    private int missingWorkers() {
        return Math.max(0, workersNeeded - allocated.size());
    }

    /** A wait begins when workers are missing, and ends when none are. */
    private void watchForMissingWorkers() {
        if (isOver() || missingWorkers() == 0) {
            workerWait.end();
        } else if (workerWait.begin(loop.currentTimeMillis())) {
            scheduleWaitStep();
        }
    }

    private void scheduleWaitStep() {
        int generation = workerWait.generation();
        loop.schedule(() -> waitStep(generation), workerWait.nextStepMillis() - loop.currentTimeMillis());
    }

    /** Says what the job waits for, or, after {@code slot.request.timeout}, fails the attempt with it. */
    private void waitStep(int generation) {
        if (!workerWait.current(generation) || isOver()) {
            return;
        }
        Waiting waiting = waiting();
        switch (workerWait.step(loop.currentTimeMillis())) {
            case REPORT -> events.add(EventKind.WAITING, waiting.message());
            case TIME_OUT -> {
                workerWait.end();
                restartOrFail(RestartCause.SLOT_REQUEST_TIMEOUT, ClusterOptions.SLOT_REQUEST_TIMEOUT.key() + " ("
                        + Durations.format(configuration.get(ClusterOptions.SLOT_REQUEST_TIMEOUT)) + ") passed: "
                        + waiting.message());
                watchForMissingWorkers();
                return;
            }
            case NOTHING -> { }
        }
        scheduleWaitStep();
    }

    private Waiting waiting() {
        Optional<Headroom> headroom = pool.headroom();
        return new Waiting(missingWorkers(), workersNeeded, workerSpec.memoryMb(),
                workerWait.waitedMillis(loop.currentTimeMillis()), headroom.map(Headroom::memoryMb),
                headroom.flatMap(Headroom::queue));
    }

    private void deployIfReady() {
        boolean waiting = state == State.CREATED
                || state == State.RESTARTING && loop.currentTimeMillis() >= restartDueMillis;
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
        deployed = new DeployedAttempt(attempt, new ArrayList<>(registered.values()).subList(0, workersNeeded),
                slotsPerWorker);
        List<Placement> placements = new ArrayList<>();
        Map<String, List<TaskDeployment>> tasksByWorker = new LinkedHashMap<>();
        deployed.workers().forEach(worker -> tasksByWorker.put(worker.id(), new ArrayList<>()));
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
        for (RegisteredWorker worker : deployed.workers()) {
            DeployedAttempt.send(worker, new ControlMessage.Deploy(jobId, attempt, checkpointDirectory,
                    restoreDirectory, source != null && source.own, placements, tasksByWorker.get(worker.id())));
        }
        state = State.RUNNING;
        events.add(EventKind.DEPLOYED, "attempt " + attempt + ": " + plan.totalSubtasks() + " subtasks deployed to "
                + deployed.workers().size() + " worker" + (deployed.workers().size() == 1 ? "" : "s")
                + (source == null ? "" : " from " + (source.own ? "checkpoint " : "savepoint ")
                + source.checkpoint.checkpointId()));
        checkpointing.ifPresent(c -> c.start(new EventRecordingTarget(deployed)));
    }

    private record Restore(CompletedCheckpoint checkpoint, boolean own) { }

    /**
     * The newest checkpoint of this job (after a failover, or when an earlier master attempt completed some), or the
     * savepoint that stopped it if a failure came before it ended; otherwise the configured savepoint or checkpoint;
     * otherwise none.
     */
    private Restore restoreSource() {
        Optional<CompletedCheckpoint> latest = checkpointing.flatMap(JobCheckpointing::latestCompleted);
        if (latest.isPresent()) {
            return new Restore(latest.get(), !latest.get().savepoint());
        }
        if (configuration.contains(CheckpointingOptions.RESTORE_PATH)) {
            return new Restore(StateAssignment.checkpointAt(configuration.get(CheckpointingOptions.RESTORE_PATH), hadoop),
                    false);
        }
        return null;
    }

    private void taskEnded(TaskEnded ended) {
        if (state != State.RUNNING) {
            return;
        }
        SubtaskId id = new SubtaskId(ended.vertexId(), ended.subtask());
        switch (ended.outcome()) {
            case FINISHED -> {
                unfinished.remove(id);
                // it finished after the final checkpoint: no more checkpoints
                checkpointing.ifPresent(c -> c.stopTriggering(CheckpointFailureReason.JOB_STOPPING));
                if (unfinished.isEmpty()) {
                    String diagnostics = savepoints.stoppedWith()
                            .map(path -> "the job was stopped with savepoint " + path).orElse("the job finished");
                    endJob(State.FINISHED, JobOutcome.FINISHED, FinalStatus.SUCCEEDED, diagnostics);
                }
            }
            case FAILED -> failover(RestartCause.TASK_FAILURE, "task " + plan.vertices().get(ended.vertexId()).name() + " ("
                    + (ended.subtask() + 1) + "/" + plan.vertices().get(ended.vertexId()).parallelism() + ") failed: "
                    + ended.failure());
            case CANCELLED -> { }
        }
    }

    /**
     * Every worker reports its first record; the attempt's first report says when it began to process, which for
     * the first deployment of a later master attempt is when the job resumed after its ApplicationMaster died.
     */
    private void firstRecord(FirstRecord first) {
        if (!deployed.firstRecord()) {
            return;
        }
        if (firstRecordMillis == null) {
            firstRecordMillis = first.timeMillis();
        }
        if (failureMillis > 0) {
            recoveryMillis.add(first.timeMillis() - failureMillis);
        }
        events.add(EventKind.PROCESSING, "attempt " + first.attempt() + " processing" + (failureMillis > 0
                ? " again " + (first.timeMillis() - failureMillis) + " ms after the failure" : ""));
        failureMillis = 0;
    }

    private void failover(RestartCause kind, String cause) {
        if (state != State.RUNNING) {
            return;
        }
        failureMillis = loop.currentTimeMillis();
        savepoints.didNotStop(cause);
        checkpointing.ifPresent(c -> c.stopTriggering(CheckpointFailureReason.TASK_FAILURE));
        deployed.sendToAll(new ControlMessage.CancelAttempt(deployed.number()));
        restartOrFail(kind, cause);
    }

    /** The attempt failed: the restart policy says whether the job restarts after a backoff, or fails. */
    private void restartOrFail(RestartCause kind, String cause) {
        long now = loop.currentTimeMillis();
        failure = cause;
        policy.notifyFailure(now);
        if (!policy.canRestart(now)) {
            fail(cause + " (the restart policy allows no more restarts)");
            return;
        }
        long backoff = policy.backoffMillis(now);
        restarts++;
        metrics.restarted(kind);
        state = State.RESTARTING;
        restartDueMillis = now + backoff;
        events.add(EventKind.RESTARTING, "restart " + restarts + " in " + backoff + " ms after: " + cause);
        loop.schedule(this::deployIfReady, backoff);
    }

    private void fail(String cause) {
        failure = cause;
        endJob(State.FAILED, JobOutcome.FAILED, FinalStatus.FAILED, "job failed: " + cause);
    }

    private void endJob(State finalState, JobOutcome outcome, FinalStatus status, String diagnostics) {
        if (isOver()) {
            return;
        }
        state = finalState;
        checkpointing.ifPresent(c -> c.stopTriggering(CheckpointFailureReason.JOB_STOPPING));
        shutDownWorkers();
        events.add(EventKind.ENDED, diagnostics);
        ending = () -> {
            checkpointing.ifPresent(c -> c.jobEnded(outcome));
            end.complete(JobEnd.of(status, diagnostics));
        };
        if (registered.isEmpty()) {
            finishEnding();
        } else {
            loop.schedule(this::finishEnding, WORKER_SHUTDOWN_MILLIS);
        }
    }

    /**
     * The job's end once its workers are gone (or after {@link #WORKER_SHUTDOWN_MILLIS}): only then are its checkpoints
     * cleaned up, so that no upload of a cancelled task writes into the directory afterwards.
     */
    private void finishEnding() {
        if (ending != null) {
            Runnable last = ending;
            ending = null;
            last.run();
        }
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
        checkpointing.ifPresent(c -> c.stopTriggering(CheckpointFailureReason.JOB_STOPPING));
        shutDownWorkers();
        events.add(EventKind.ABANDONED, "this attempt ends, the job goes on elsewhere: " + reason);
        end.complete(JobEnd.abandoned(reason));
    }

    /**
     * A worker is gone; once the job is over and its last worker went, the job's end is finished.
     *
     * @return whether it was registered
     */
    private boolean forget(String workerId) {
        boolean known = registered.remove(workerId) != null;
        if (known && isOver() && registered.isEmpty()) {
            finishEnding();
        }
        return known;
    }

    private void shutDownWorkers() {
        for (RegisteredWorker worker : registered.values()) {
            DeployedAttempt.send(worker, new ControlMessage.Shutdown());
        }
    }

    private boolean isOver() {
        return state == State.FINISHED || state == State.FAILED || state == State.CANCELLED;
    }

    // ---- status

    /** The status document, taken on the loop so that it is consistent. */
    @Override
    public StatusDocument status() {
        return fromLoop(this::statusNow);
    }

    @Override
    public CheckpointsView checkpoints() {
        return fromLoop(() -> checkpointing.map(c -> new CheckpointsView(c.coordinator().history(),
                c.retained().stream().map(CompletedCheckpoint::directory).toList()))
                .orElse(new CheckpointsView(List.of(), List.of())));
    }

    /** What {@code view} gives when the loop runs it, for a thread that is not the loop's. */
    private <T> T fromLoop(Supplier<T> view) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> result.complete(view.get()));
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the job master did not answer: " + e, e);
        }
    }

    @Override
    public MultiCollector metrics() {
        return metricsCollector;
    }

    @Override
    public Map<Integer, VertexRates> vertexRates() {
        return VertexRates.of(metrics.reports().values());
    }

    /** Every checkpoint this master attempt completed, in order; on the loop, or once the job ended. */
    public List<CompletedCheckpointStats> completedCheckpoints() {
        return checkpointing.map(JobCheckpointing::completed).orElse(List.of());
    }

    private StatusDocument statusNow() {
        List<StatusDocument.Task> tasks = new ArrayList<>();
        for (TaskVertex vertex : plan.vertices()) {
            for (int subtask = 0; subtask < vertex.parallelism(); subtask++) {
                tasks.add(new StatusDocument.Task(vertex.name(), subtask,
                        deployed == null ? "" : deployed.workerFor(subtask).id(),
                        taskState(new SubtaskId(vertex.id(), subtask))));
            }
        }
        List<StatusDocument.Container> containers = new ArrayList<>();
        allocated.forEach((id, container) -> containers.add(registered.containsKey(id)
                ? new StatusDocument.Container(id, container.host(), "RUNNING", container.logs()) : container));
        return new StatusDocument(jobId, masterAttempt, plan.graph().jobName(), state.name(), restarts, tasks,
                containers, CheckpointsStatus.of(checkpointing, abortedCheckpoints), savepoints.status(),
                Optional.ofNullable(failure), events.events(), Optional.ofNullable(firstRecordMillis), recoveryMillis,
                workerWait.waiting() && !isOver() ? Optional.of(waiting()) : Optional.empty());
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

    private static String firstLine(String diagnostics) {
        String line = FirstLine.of(diagnostics);
        return line.isEmpty() ? "" : " (" + line + ")";
    }

    /** The deployed attempt as the coordinator reaches it, with each checkpoint's end in the journal and counts. */
    private final class EventRecordingTarget implements CheckpointTarget {
        private final DeployedAttempt tasks;

        EventRecordingTarget(DeployedAttempt tasks) {
            this.tasks = tasks;
        }

        @Override
        public void triggerCheckpoint(CheckpointBarrier barrier) {
            tasks.triggerCheckpoint(barrier);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            tasks.notifyCheckpointComplete(checkpointId);
            checkpointing.flatMap(c -> c.coordinator().latestCompletedStats()).ifPresent(stats -> events.add(
                    EventKind.CHECKPOINT_COMPLETED, "checkpoint " + checkpointId + " completed in "
                            + stats.durationMillis() + " ms: " + stats.fullBytes() + " bytes of state, "
                            + stats.incrementalBytes() + " uploaded"));
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId) {
            tasks.notifyCheckpointAborted(checkpointId);
            abortedCheckpoints++;
        }
    }
}
