package io.spindle.client.logs;

/**
 * One log file of one container as Hadoop frames it (see {@link LogFrames}).
 *
 * @param node            the NodeManager as the frame names it: {@code host:port}, or {@code host_port} in aggregated logs
 * @param aggregationType {@code LOCAL} when the NodeManager read it from its disk, {@code AGGREGATED} when uploaded
 * @param length          the file's length when it was read
 * @param bodyLength      how many of its bytes the frame carries: its last ones when a tail was asked for
 */
public record LogFrame(String container, String node, String file, String aggregationType, long length,
                       long bodyLength) {

    public boolean local() {
        return "LOCAL".equals(aggregationType);
    }

    /** The offset in the file of the frame's first byte, for a frame that carries the file's last bytes. */
    public long tailStart() {
        return length - bodyLength;
    }
}
