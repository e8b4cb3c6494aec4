package io.spindle.master.resources;

/**
 * What a {@link WorkerPool} reports back. Calls come from the pool's client threads, possibly
 * several at once: implementations must be thread-safe and must not block for long.
 */
public interface WorkerEvents {

    /**
     * A requested container was granted on {@code host}; launch a worker in it or release it. {@code logsUrl} is where
     * a person reads the container's logs while it runs (its NodeManager's page), empty where there is none.
     */
    void workerAllocated(WorkerId id, String host, String logsUrl);

    /** The worker process was started in its container. */
    void workerStarted(WorkerId id);

    /**
     * The container ended: its process exited, was killed, failed to start, or the container was
     * released, preempted or lost with its node. {@code exitStatus} is the process's exit code
     * (137 after SIGKILL) or one of the cluster's negative codes (on YARN, {@code ContainerExitStatus}).
     */
    void workerCompleted(WorkerId id, int exitStatus, String diagnostics);

    /** The cluster asks the ApplicationMaster to shut down (for example after it lost contact). */
    void shutdownRequested();

    /** The pool can no longer talk to the cluster. */
    void error(Throwable cause);
}
