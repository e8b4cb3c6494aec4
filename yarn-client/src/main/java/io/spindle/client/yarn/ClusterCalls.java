package io.spindle.client.yarn;

import io.spindle.core.text.FirstLine;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.ApplicationNotFoundException;
import org.apache.hadoop.yarn.exceptions.YarnException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Runs calls to the ResourceManager or the file system and turns their failures into one-line messages. */
final class ClusterCalls {

    interface Call<T> {
        T run() throws IOException, YarnException;
    }

    private ClusterCalls() { }

    static <T> T resourceManager(Configuration configuration, String action, Call<T> call) {
        String where = "the YARN ResourceManager at " + configuration.get(YarnConfiguration.RM_ADDRESS, YarnConfiguration.DEFAULT_RM_ADDRESS);
        return run(where, action, call);
    }

    static <T> T fileSystem(Configuration configuration, String action, Call<T> call) {
        return run("the file system " + FileSystem.getDefaultUri(configuration), action, call);
    }

    private static <T> T run(String where, String action, Call<T> call) {
        try {
            return call.run();
        } catch (ApplicationNotFoundException e) {
            throw new YarnClusterException("could not " + action + ": no such application on this cluster", e);
        } catch (IOException | YarnException e) {
            Throwable unreachable = networkCause(e);
            String reason = unreachable != null
                    ? "cannot reach " + where + " (" + oneLine(unreachable.getMessage()) + "); is HADOOP_CONF_DIR right?"
                    : oneLine(e.getMessage());
            throw new YarnClusterException("could not " + action + ": " + reason, e);
        }
    }

    /** The innermost network failure: Hadoop wraps the JDK's exception in one with a longer message. */
    private static Throwable networkCause(Throwable failure) {
        Throwable network = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException || cause instanceof SocketTimeoutException) {
                network = cause;
            }
        }
        return network;
    }

    /** Hadoop's messages often carry a stack of causes or a wiki link over several lines. */
    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        return FirstLine.of(message).replaceAll("; For more details see: +\\S+", "");
    }
}
