package io.spindle.runtime.worker;

import io.spindle.core.config.Configuration;
import io.spindle.core.options.ClusterOptions;
import io.spindle.protocol.control.ControlConnection;
import io.spindle.protocol.control.SocketControlConnection;
import io.spindle.runtime.net.DataServer;
import io.spindle.state.fs.HadoopConfigurations;
import io.spindle.state.rocksdb.RocksDbResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;

/**
 * The worker container's main class. Arguments: master host, master control port, worker id, job class, then the
 * job's arguments; the control token comes in {@link #TOKEN_ENV}, the effective configuration as
 * {@code spindle-conf.yaml} in the working directory. Always ends the JVM, whatever happened.
 */
public final class WorkerMain {

    /** Environment variable with the token a worker proves itself with to its master. */
    public static final String TOKEN_ENV = "SPINDLE_CONTROL_TOKEN";
    /** Exit code of a worker whose master went away; the master's successor does not wait for it. */
    static final int EXIT_MASTER_LOST = 3;

    /** Environment variable with the host this worker's data server is reached at (YARN's NM_HOST). */
    public static final String HOST_ENV = "NM_HOST";

    private static final Logger LOG = LoggerFactory.getLogger(WorkerMain.class);

    private WorkerMain() { }

    public static void main(String[] args) {
        int exitCode = 1;
        try {
            run(args);
            exitCode = 0;
        } catch (Throwable t) {
            LOG.error("Worker failed", t);
        } finally {
            System.exit(exitCode); // task, Netty and Hadoop threads would keep the JVM alive
        }
    }

    private static void run(String[] args) throws Exception {
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: WorkerMain <master host> <master port> <worker id> <job class> "
                    + "[job args]; got " + Arrays.toString(args));
        }
        String workerId = args[2];
        ShippedJob job = ShippedJob.load(args[3], Arrays.asList(args).subList(4, args.length));
        Configuration configuration = job.configuration();
        String host = System.getenv().getOrDefault(HOST_ENV, "localhost");
        try (Socket socket = new Socket(args[0], Integer.parseInt(args[1]));
             ControlConnection master = new SocketControlConnection(socket);
             DataServer dataServer = new DataServer(new InetSocketAddress(host, 0));
             RocksDbResources rocksDb = RocksDbResources.fromConfig(configuration)) {
            LOG.info("Worker {} connected to its master at {}; data server on {}:{}", workerId, master.remoteAddress(),
                    host, dataServer.port());
            new Worker(workerId, master, job, HadoopConfigurations.of(configuration), new TcpChannels(dataServer),
                    rocksDb, AttemptObserver.NONE, WorkerMain::exit)
                    .run(System.getenv().getOrDefault(TOKEN_ENV, ""), host, dataServer.port(),
                            configuration.get(ClusterOptions.HEARTBEAT_INTERVAL).toMillis());
        }
    }

    /**
     * Without its master nobody will commit what the tasks write, and a new master attempt restarts the job from its
     * last checkpoint elsewhere: tasks that went on would only write output nobody wants. So the process ends here,
     * without waiting for anything.
     */
    private static void exit(IOException cause) {
        LOG.error("Exiting: the master is gone ({})", cause.toString());
        Runtime.getRuntime().halt(EXIT_MASTER_LOST);
    }
}
