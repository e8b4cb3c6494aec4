package io.spindle.api.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Files on any file system the cluster reaches (hdfs://, file://), by URI or path, without Hadoop
 * types in the job's API. Spindle provides it to sources and sinks.
 */
public interface FileAccess {

    /** A file, its length in bytes and the size of the blocks its file system stores it in (0 if unknown). */
    record FileInfo(String path, long length, long blockSize) { }

    /**
     * The files a path names, sorted by path: the file itself, the files under a directory (recursively), or what a
     * glob pattern matches ({@code /logs/2026-12-*&#47;part-*}, {@code {a,b}}, {@code [0-9]}, as Hadoop's globStatus),
     * the files under matched directories included; none if nothing matches. Names starting with '.' or '_' are
     * skipped unless the path names them literally: by Hadoop's convention they are hidden or not yet committed.
     */
    List<FileInfo> listFiles(String path) throws IOException;

    /** The names of a directory's entries, hidden ones included, sorted; none if it does not exist. */
    List<String> list(String directory) throws IOException;

    InputStream open(String path, long offset) throws IOException;

    /** Creates the file and its parent directories; fails if it exists. */
    OutputStream create(String path) throws IOException;

    /** Renames within one file system, creating the target's parent directories; fails if the target exists. */
    void rename(String from, String to) throws IOException;

    boolean exists(String path) throws IOException;

    /** Whether the path exists and is a file, not a directory. */
    boolean isFile(String path) throws IOException;

    /** Deletes a file, or a directory with everything in it; absent is fine. */
    void delete(String path) throws IOException;

    /** Deletes a directory only if it is empty, atomically; returns whether it is gone. */
    boolean deleteIfEmpty(String directory) throws IOException;
}
