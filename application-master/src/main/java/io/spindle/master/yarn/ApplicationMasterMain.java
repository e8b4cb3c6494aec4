package io.spindle.master.yarn;

import io.spindle.core.config.Configuration;
import io.spindle.core.options.ClusterOptions;
import io.spindle.core.options.YarnOptions;
import io.spindle.core.concurrent.SingleThreadEventLoop;
import io.spindle.master.checkpoint.JobCheckpointing;
import io.spindle.master.cluster.ControlServer;
import io.spindle.master.cluster.JobEnd;
import io.spindle.master.cluster.JobMaster;
import io.spindle.master.cluster.WorkerConnections;
import io.spindle.master.metrics.PushgatewayReporter;
import io.spindle.master.resources.WorkerId;
import io.spindle.master.resources.WorkerLaunch;
import io.spindle.master.resources.WorkerPool;
import io.spindle.master.resources.WorkerSpec;
import io.spindle.master.rest.JobDescription;
import io.spindle.master.rest.MasterRestServer;
import io.spindle.runtime.worker.ShippedJob;
import io.spindle.runtime.worker.WorkerMain;
import io.spindle.state.fs.HadoopConfigurations;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.ApplicationConstants.Environment;
import org.apache.hadoop.yarn.api.records.ApplicationAttemptId;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The ApplicationMaster's main class. Arguments: the job class, then the job's arguments. Finds its staging
 * directory in {@link ShippedFiles#STAGING_DIRECTORY_ENV} and the effective configuration in its working
 * directory; the job's id is the application id, the same in every attempt, so a new attempt finds the
 * checkpoints of the one before. Always ends the JVM: exit 0 once the application's final status is recorded,
 * 1 when this attempt failed and YARN may start another, or when another attempt took the application over.
 */
public final class ApplicationMasterMain {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationMasterMain.class);

    private ApplicationMasterMain() { }

    public static void main(String[] args) {
        int exitCode = 1;
        try {
            exitCode = run(args) ? 0 : 1;
        } catch (Throwable t) {
            LOG.error("ApplicationMaster failed", t);
        } finally {
            System.exit(exitCode); // the YARN clients', the REST server's and the job's threads would keep it alive
        }
    }

    /** Runs the job; returns whether this attempt recorded the application's end (false: another attempt runs it). */
    private static boolean run(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: ApplicationMasterMain <job class> [job args]");
        }
        ShippedJob job = ShippedJob.load(args[0], Arrays.asList(args).subList(1, args.length));
        Configuration configuration = job.configuration();
        ApplicationAttemptId attemptId = ContainerId.fromString(System.getenv(Environment.CONTAINER_ID.name()))
                .getApplicationAttemptId();
        String host = System.getenv(Environment.NM_HOST.name());
        YarnConfiguration hadoop = new YarnConfiguration(HadoopConfigurations.of(configuration));
        Path staging = new Path(System.getenv(ShippedFiles.STAGING_DIRECTORY_ENV));
        FileSystem fileSystem = staging.getFileSystem(hadoop);
        String token = HexFormat.of().formatHex(randomBytes());

        WorkerSpec workerSpec = new WorkerSpec((int) configuration.get(ClusterOptions.WORKER_MEMORY).mebiBytes(),
                YarnOptions.workerVcores(configuration));
        String jobId = attemptId.getApplicationId().toString();
        SingleThreadEventLoop loop = new SingleThreadEventLoop("job-master");
        JobMaster master = new JobMaster(jobId, attemptId.getAttemptId(), job.plan(), hadoop, workerSpec,
                configuration.get(ClusterOptions.TASK_SLOTS), loop, new Random(),
                JobCheckpointing.factory(configuration, hadoop, job.plan(), jobId, attemptId.getAttemptId()));
        WorkerConnections connections = new WorkerConnections(token, master,
                configuration.get(ClusterOptions.HEARTBEAT_TIMEOUT).toMillis(), System::currentTimeMillis);
        try (ControlServer controlServer = new ControlServer(host, connections);
             MasterRestServer rest = MasterRestServer.start(host, readSecret(fileSystem, staging), master,
                     JobDescription.of(job.plan(), configuration, ContainerLogLinks.ofThisContainer()))) {
            JavaLaunchContexts launchContexts = new JavaLaunchContexts(ShippedFiles.localResources(fileSystem, staging),
                    System.getProperty("java.home"));
            WorkerPool pool = YarnWorkerPool.register(new ConfiguredYarnClientFactory(hadoop),
                    new MasterEndpoint(host, controlServer.port(), rest.url()), launchContexts, master);
            Runnable stopPushing = PushgatewayReporter.start(configuration, jobId, master.metrics());
            JobEnd end = master.start(pool, id -> workerLaunch(id, host, controlServer.port(), args, token)).get();
            stopPushing.run();
            if (end.abandoned()) {
                // another attempt owns the application, its staged files and its checkpoints
                LOG.warn("This ApplicationMaster attempt ends: {}", end.diagnostics());
                pool.abandon();
                return false;
            }
            pool.stop(end.status(), end.diagnostics());
        }
        // the final status is recorded: no attempt will need the staged files again
        fileSystem.delete(staging, true);
        return true;
    }

    /** Arguments of a worker: where its master listens, its id, then the master's own (job class and arguments). */
    private static WorkerLaunch workerLaunch(WorkerId id, String host, int controlPort, String[] args, String token) {
        List<String> arguments = new ArrayList<>(List.of(host, String.valueOf(controlPort), id.value()));
        arguments.addAll(Arrays.asList(args));
        return new WorkerLaunch(WorkerMain.class.getName(), arguments, List.of(), Map.of(WorkerMain.TOKEN_ENV, token));
    }

    private static String readSecret(FileSystem fileSystem, Path staging) throws IOException {
        try (FSDataInputStream in = fileSystem.open(new Path(staging, ShippedFiles.SECRET))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

}
