package io.spindle.api.connectors;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The files a file source's paths name, and their splits. */
final class FileEnumerator {

    /** Splits of files whose file system tells no block size (0), unless the source gives a size. */
    static final long FALLBACK_SPLIT_BYTES = 32L << 20;

    private FileEnumerator() { }

    /**
     * The files the paths name, each once (paths may overlap), sorted by path.
     *
     * @param everyPathMatches whether a path that matches no file is an error, naming it
     */
    static List<FileAccess.FileInfo> files(FileAccess files, List<String> paths, boolean everyPathMatches)
            throws IOException {
        Map<String, FileAccess.FileInfo> found = new TreeMap<>();
        for (String path : paths) {
            List<FileAccess.FileInfo> matched = files.listFiles(path);
            if (matched.isEmpty() && everyPathMatches) {
                throw new IOException(path + " matches no files");
            }
            matched.forEach(file -> found.putIfAbsent(file.path(), file));
        }
        return new ArrayList<>(found.values());
    }

    /** A file cut into splits of {@code splitBytes}, or of its block size if that is 0; none if it is empty. */
    static List<FileSplit> splits(FileAccess.FileInfo file, long splitBytes) {
        long size = splitBytes > 0 ? splitBytes : file.blockSize() > 0 ? file.blockSize() : FALLBACK_SPLIT_BYTES;
        List<FileSplit> splits = new ArrayList<>();
        for (long start = 0; start < file.length(); start += size) {
            splits.add(FileSplit.unread(file.path(), start, Math.min(file.length(), start + size)));
        }
        return splits;
    }
}
