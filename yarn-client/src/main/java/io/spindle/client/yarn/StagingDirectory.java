package io.spindle.client.yarn;

import io.spindle.master.yarn.HadoopSiteFiles;
import io.spindle.master.yarn.ShippedFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.yarn.api.records.ApplicationId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * {@code <root>/.spindle/<appId>/}: the files of {@link ShippedFiles} plus the application's
 * secret. Only the submitting user can list the directory or read the secret.
 */
final class StagingDirectory {

    private static final FsPermission OWNER_ONLY_DIRECTORY = new FsPermission((short) 0700);
    private static final FsPermission OWNER_ONLY_FILE = new FsPermission((short) 0600);

    private StagingDirectory() { }

    /** The one place that says where an application's files are: under {@code stagingRoot}, else the user's home. */
    static Path of(FileSystem fileSystem, Optional<String> stagingRoot, ApplicationId applicationId) {
        Path root = stagingRoot.map(Path::new).orElse(fileSystem.getHomeDirectory());
        return fileSystem.makeQualified(new Path(new Path(root, ".spindle"), applicationId.toString()));
    }

    /** Creates the directory and uploads everything into it. */
    static void stage(FileSystem fileSystem, Path directory, SubmissionRequest request, Configuration hadoop) throws IOException {
        fileSystem.mkdirs(directory, OWNER_ONLY_DIRECTORY);
        fileSystem.setPermission(directory, OWNER_ONLY_DIRECTORY); // mkdirs applies the umask
        LibraryArchive.write(request.libraryDirectory(), fileSystem.create(new Path(directory, ShippedFiles.LIBRARIES_ARCHIVE)));
        fileSystem.copyFromLocalFile(new Path(request.jobJar().toUri()), new Path(directory, ShippedFiles.JOB_JAR));
        fileSystem.copyFromLocalFile(new Path(request.configurationFile().toUri()),
                new Path(directory, ShippedFiles.SPINDLE_CONFIGURATION));
        for (Map.Entry<String, Configuration> siteFile : HadoopSiteFiles.split(ShippedHadoopSettings.of(hadoop)).entrySet()) {
            try (FSDataOutputStream out = fileSystem.create(new Path(directory, siteFile.getKey()))) {
                siteFile.getValue().writeXml(out);
            }
        }
        try (FSDataOutputStream out = FileSystem.create(fileSystem, ApplicationSecret.file(directory), OWNER_ONLY_FILE)) {
            out.write(ApplicationSecret.generate().getBytes(StandardCharsets.US_ASCII));
        }
    }
}
