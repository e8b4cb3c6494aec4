package io.spindle.api.connectors;

/**
 * A byte range of a file and where reading it stands. As in Hadoop's line reader, a split owns the lines that start
 * inside it (after its first byte, except at the file's start) or exactly at its end, so every line is read once
 * whatever the boundaries, and the last line of a split may run into the next.
 *
 * @param position the file offset of the next line to read; -1 before the first line was looked for
 */
record FileSplit(String path, long start, long end, long position) {

    static FileSplit unread(String path, long start, long end) {
        return new FileSplit(path, start, end, -1);
    }

    /** The split's id among all splits of a source, the same after restores: its file and first byte. */
    String id() {
        return path + "@" + start;
    }

    FileSplit at(long newPosition) {
        return new FileSplit(path, start, end, newPosition);
    }
}
