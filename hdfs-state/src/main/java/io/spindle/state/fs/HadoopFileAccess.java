package io.spindle.state.fs;

import io.spindle.api.connectors.FileAccess;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@link FileAccess} over Hadoop's FileSystem API: hdfs://, file:// and whatever else the cluster has. */
public final class HadoopFileAccess implements FileAccess {

    private final Configuration hadoopConfiguration;

    public HadoopFileAccess(Configuration hadoopConfiguration) {
        this.hadoopConfiguration = hadoopConfiguration;
    }

    /** The file system of a path; local files without Hadoop's .crc side files. */
    public FileSystem fileSystem(Path path) throws IOException {
        FileSystem fs = path.getFileSystem(hadoopConfiguration);
        return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
    }

    @Override
    public List<FileInfo> listFiles(String location) throws IOException {
        FileSystem fs = fileSystem(new Path(location));
        Path pattern = fs.makeQualified(new Path(location));
        FileStatus[] matches = fs.globStatus(pattern);
        List<FileInfo> files = new ArrayList<>();
        if (matches == null) {
            return files;
        }
        int literalDepth = literalDepth(pattern);
        for (FileStatus match : matches) {
            if (wildcardMatchedHiddenName(match.getPath(), literalDepth)) {
                continue;
            }
            if (match.isDirectory()) {
                addVisibleFiles(fs, match.getPath(), files);
            } else {
                files.add(info(match));
            }
        }
        files.sort(Comparator.comparing(FileInfo::path));
        return files;
    }

    /** How many leading names of a pattern have no wildcard: those name directories exactly. */
    private static int literalDepth(Path pattern) {
        int depth = pattern.depth();
        for (Path path = pattern; path != null && !path.isRoot(); path = path.getParent()) {
            if (path.getName().chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{')) {
                depth = path.depth() - 1;
            }
        }
        return depth;
    }

    private static boolean wildcardMatchedHiddenName(Path match, int literalDepth) {
        for (Path path = match; path != null && path.depth() > literalDepth; path = path.getParent()) {
            if (isHidden(path.getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHidden(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }

    private static FileInfo info(FileStatus file) {
        return new FileInfo(file.getPath().toString(), file.getLen(), file.getBlockSize());
    }

    /**
     * Recurses with listStatus rather than listFiles: on the local file system the latter starts a
     * shell per file to read permissions nobody asked for.
     */
    private static void addVisibleFiles(FileSystem fs, Path directory, List<FileInfo> files) throws IOException {
        for (FileStatus child : fs.listStatus(directory)) {
            if (isHidden(child.getPath().getName())) {
                continue;
            }
            if (child.isDirectory()) {
                addVisibleFiles(fs, child.getPath(), files);
            } else {
                files.add(info(child));
            }
        }
    }

    @Override
    public List<String> list(String directory) throws IOException {
        Path path = new Path(directory);
        List<String> names = new ArrayList<>();
        try {
            for (FileStatus child : fileSystem(path).listStatus(path)) {
                names.add(child.getPath().getName());
            }
        } catch (FileNotFoundException e) {
            return List.of();
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    @Override
    public InputStream open(String location, long offset) throws IOException {
        Path path = new Path(location);
        FSDataInputStream in = fileSystem(path).open(path);
        if (offset > 0) {
            in.seek(offset);
        }
        return in;
    }

    @Override
    public OutputStream create(String location) throws IOException {
        Path path = new Path(location);
        return fileSystem(path).create(path, false);
    }

    @Override
    public void rename(String from, String to) throws IOException {
        Path source = new Path(from);
        Path target = new Path(to);
        FileSystem fs = fileSystem(source);
        if (fs.exists(target)) {
            throw new IOException("cannot rename " + from + " to " + to + ": the target exists");
        }
        // HDFS refuses a rename into a directory that does not exist, and the local file system copies instead
        fs.mkdirs(target.getParent());
        if (!fs.rename(source, target)) {
            throw new IOException("cannot rename " + from + " to " + to);
        }
    }

    @Override
    public boolean exists(String location) throws IOException {
        Path path = new Path(location);
        return fileSystem(path).exists(path);
    }

    @Override
    public boolean isFile(String location) throws IOException {
        Path path = new Path(location);
        try {
            return fileSystem(path).getFileStatus(path).isFile();
        } catch (FileNotFoundException e) {
            return false;
        }
    }

    @Override
    public void delete(String location) throws IOException {
        Path path = new Path(location);
        fileSystem(path).delete(path, true);
    }

    /**
     * HDFS refuses a non-recursive delete of a directory with entries in one step on the NameNode. Hadoop's local
     * file system only lists the directory and then deletes it recursively, so an entry created in between would go
     * with it (another sink writer's staged part, for one): there the directory is removed with the operating
     * system's rmdir, which refuses a non-empty directory atomically.
     */
    @Override
    public boolean deleteIfEmpty(String directory) throws IOException {
        Path path = new Path(directory);
        FileSystem fs = fileSystem(path);
        if (fs instanceof RawLocalFileSystem local) {
            try {
                java.nio.file.Files.deleteIfExists(local.pathToFile(path).toPath());
                return true;
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                return false;
            }
        }
        try {
            fs.delete(path, false);
        } catch (IOException e) {
            // not empty
            return !fs.exists(path);
        }
        return !fs.exists(path);
    }
}
