package io.spindle.minicluster;

import io.spindle.master.resources.FinalStatus;
import io.spindle.master.resources.WorkerEvents;
import io.spindle.master.resources.WorkerId;
import io.spindle.master.resources.WorkerLaunch;
import io.spindle.master.resources.WorkerPool;
import io.spindle.master.resources.WorkerSpec;
import io.spindle.master.yarn.ConfiguredYarnClientFactory;
import io.spindle.master.yarn.JavaLaunchContexts;
import io.spindle.master.yarn.MasterEndpoint;
import io.spindle.master.yarn.ShippedFiles;
import io.spindle.master.yarn.YarnWorkerPool;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.ApplicationConstants.Environment;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A minimal ApplicationMaster on {@link YarnWorkerPool}: two {@link MarkerWorker}s that each write
 * a marker file into the directory given as the first argument, then one {@link FailingWorker};
 * it ends the application SUCCEEDED with the workers' exit statuses in the diagnostics.
 */
public final class ProbeApplicationMaster {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeApplicationMaster.class);
    private static final WorkerSpec WORKER = new WorkerSpec(256, 1);
    private static final int MARKER_WORKERS = 2;
    private static final long EVENT_TIMEOUT_S = 60;

    private ProbeApplicationMaster() { }

    public static void main(String[] args) {
        int exitCode = 1;
        try {
            run(new Path(args[0]));
            exitCode = 0;
        } catch (Throwable t) {
            LOG.error("Probe ApplicationMaster failed", t);
        } finally {
            System.exit(exitCode); // the YARN clients' threads would keep the JVM alive
        }
    }

    private static void run(Path markerDirectory) throws Exception {
        Configuration hadoop = new YarnConfiguration();
        FileSystem fileSystem = FileSystem.get(hadoop);
        Path staging = new Path(System.getenv(ShippedFiles.STAGING_DIRECTORY_ENV));
        JavaLaunchContexts launchContexts = new JavaLaunchContexts(
                ShippedFiles.localResources(fileSystem, staging), System.getProperty("java.home"));
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        WorkerPool pool = YarnWorkerPool.register(new ConfiguredYarnClientFactory(hadoop),
                new MasterEndpoint(System.getenv(Environment.NM_HOST.name()), 0, ""), launchContexts,
                new QueueingEvents(events));

        pool.requestWorkers(MARKER_WORKERS, WORKER);
        int launched = 0;
        List<Integer> exitStatuses = new ArrayList<>();
        while (exitStatuses.size() < MARKER_WORKERS + 1) {
            Object event = events.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS);
            if (event == null) {
                throw new TimeoutException("no worker event for " + EVENT_TIMEOUT_S + " s; exit statuses so far " + exitStatuses);
            } else if (event instanceof Allocated allocated) {
                launched++;
                pool.launch(allocated.id(), launched <= MARKER_WORKERS
                        ? WorkerLaunch.of(MarkerWorker.class.getName(), new Path(markerDirectory, "worker-" + launched).toString())
                        : WorkerLaunch.of(FailingWorker.class.getName()));
            } else if (event instanceof Completed completed) {
                exitStatuses.add(completed.exitStatus());
                if (exitStatuses.size() == MARKER_WORKERS) {
                    pool.requestWorkers(1, WORKER);
                }
            } else if (event instanceof Throwable error) {
                throw new IllegalStateException("the worker pool failed", error);
            }
        }
        exitStatuses.sort(null);
        pool.stop(FinalStatus.SUCCEEDED, "worker exit statuses " + exitStatuses);
    }

    private record Allocated(WorkerId id) { }

    private record Completed(WorkerId id, int exitStatus) { }

    /** Hands the pool's events to the main thread, which does all the work. */
    private record QueueingEvents(BlockingQueue<Object> events) implements WorkerEvents {

        @Override
        public void workerAllocated(WorkerId id, String host, String logsUrl) {
            events.add(new Allocated(id));
        }

        @Override
        public void workerStarted(WorkerId id) {
            // the probe only waits for completions
        }

        @Override
        public void workerCompleted(WorkerId id, int exitStatus, String diagnostics) {
            events.add(new Completed(id, exitStatus));
        }

        @Override
        public void shutdownRequested() {
            events.add(new IllegalStateException("the ResourceManager asked the ApplicationMaster to shut down"));
        }

        @Override
        public void error(Throwable cause) {
            events.add(cause);
        }
    }
}
