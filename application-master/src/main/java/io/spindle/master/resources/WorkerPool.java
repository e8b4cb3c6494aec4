package io.spindle.master.resources;

import java.io.IOException;
import java.util.Optional;

/**
 * The ApplicationMaster's view of its cluster: it asks for worker containers, starts a process in
 * each one it was given, gives back those it no longer needs, and finally reports how the
 * application ended. Requests are asynchronous; what happens to them arrives at the
 * {@link WorkerEvents} the pool was created with.
 */
public interface WorkerPool {

    /** Asks for {@code count} more containers of the given size; each arrives as {@link WorkerEvents#workerAllocated}. */
    void requestWorkers(int count, WorkerSpec spec);

    /** The memory the cluster would still grant, as it last said; empty when it has not said or cannot tell. */
    Optional<Headroom> headroom();

    /** Starts the worker process in an allocated container; success arrives as {@link WorkerEvents#workerStarted}. */
    void launch(WorkerId id, WorkerLaunch launch);

    /** Gives the container back, stopping its process if it runs; its end arrives as {@link WorkerEvents#workerCompleted}. */
    void release(WorkerId id);

    /** Reports the application's final status and diagnostics to the cluster and stops talking to it. */
    void stop(FinalStatus status, String diagnostics) throws IOException;

    /** Stops talking to the cluster without a final status: another attempt of the application took over. */
    void abandon();
}
