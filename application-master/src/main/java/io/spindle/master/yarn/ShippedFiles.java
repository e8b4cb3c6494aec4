package io.spindle.master.yarn;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.api.ApplicationConstants.Environment;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.LocalResourceType;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.apache.hadoop.yarn.api.records.URL;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files the client stages for one application (in {@code /user/<user>/.spindle/<appId>/})
 * and how they appear in each of its containers, the ApplicationMaster's and the workers': the
 * libraries, the job jar, the Spindle configuration, and the client's Hadoop settings as the site
 * files of {@link HadoopSiteFiles}, on the classpath so that every Hadoop Configuration in a
 * container finds the cluster.
 */
public final class ShippedFiles {

    /** Environment variable that gives the ApplicationMaster its staging directory (a qualified URI). */
    public static final String STAGING_DIRECTORY_ENV = "SPINDLE_STAGING_DIR";

    /** The runtime jars as one zip, which YARN unpacks into {@link #LIBRARIES_DIRECTORY}. */
    public static final String LIBRARIES_ARCHIVE = "libs.zip";
    public static final String LIBRARIES_DIRECTORY = "libs";
    public static final String JOB_JAR = "job.jar";
    public static final String SPINDLE_CONFIGURATION = "spindle-conf.yaml";
    /** The per-application secret for REST control actions; read from HDFS by the AM, never localized. */
    public static final String SECRET = "secret";

    private ShippedFiles() { }

    /** What every container localizes, by link name: the staged files as they are now in the staging directory. */
    public static Map<String, LocalResource> localResources(FileSystem fileSystem, Path stagingDirectory) throws IOException {
        Map<String, LocalResource> resources = new LinkedHashMap<>();
        resources.put(LIBRARIES_DIRECTORY, resource(fileSystem, new Path(stagingDirectory, LIBRARIES_ARCHIVE), LocalResourceType.ARCHIVE));
        for (String file : files()) {
            resources.put(file, resource(fileSystem, new Path(stagingDirectory, file), LocalResourceType.FILE));
        }
        return resources;
    }

    private static List<String> files() {
        List<String> files = new ArrayList<>(List.of(JOB_JAR, SPINDLE_CONFIGURATION));
        files.addAll(HadoopSiteFiles.NAMES);
        return files;
    }

    /** The container's CLASSPATH: its directory (configuration files), the job jar, then the libraries. */
    public static String classpath() {
        String pwd = Environment.PWD.$$();
        return String.join(ApplicationConstants.CLASS_PATH_SEPARATOR,
                pwd, pwd + "/" + JOB_JAR, pwd + "/" + LIBRARIES_DIRECTORY + "/*");
    }

    /** YARN checks that size and modification time still match when it localizes the file. */
    private static LocalResource resource(FileSystem fileSystem, Path path, LocalResourceType type) throws IOException {
        FileStatus status = fileSystem.getFileStatus(path);
        return LocalResource.newInstance(URL.fromPath(fileSystem.makeQualified(status.getPath())), type,
                LocalResourceVisibility.APPLICATION, status.getLen(), status.getModificationTime());
    }
}
