package io.spindle.minicluster;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.nio.charset.StandardCharsets;

/** A worker process for {@link ProbeApplicationMaster}: writes its container id to the HDFS file it is given. */
public final class MarkerWorker {

    private MarkerWorker() { }

    public static void main(String[] args) {
        int exitCode = 1;
        // new Configuration() finds the cluster through the shipped core-site.xml on the classpath
        try (FileSystem fileSystem = FileSystem.newInstance(new Configuration());
             FSDataOutputStream out = fileSystem.create(new Path(args[0]))) {
            out.write(System.getenv("CONTAINER_ID").getBytes(StandardCharsets.UTF_8));
            exitCode = 0;
        } catch (Throwable t) {
            t.printStackTrace();
        } finally {
            System.exit(exitCode);
        }
    }
}
