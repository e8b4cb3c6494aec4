package io.spindle.client.logs;

import io.spindle.client.logs.NodeManagerLogs.LogFile;
import io.spindle.client.yarn.ContainerLocation;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ContainerId;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Prints an application's container logs: the files on the NodeManagers while it runs, from the start or, when
 * following, what each file gained since; and what the NodeManagers uploaded (log aggregation). A container that
 * ends while it is read is skipped: its logs are the aggregated ones then.
 */
public final class ApplicationLogs {

    /** Tries to read a tail that starts at the first unprinted byte, for a file that grows while it is read. */
    private static final int TAIL_ATTEMPTS = 3;

    private final NodeManagerLogs nodes;
    private final AggregatedLogs aggregated;
    private final LogPrinter printer;
    private final PrintedOffsets offsets = new PrintedOffsets();

    public ApplicationLogs(NodeManagerLogs nodes, AggregatedLogs aggregated, LogPrinter printer) {
        this.nodes = nodes;
        this.aggregated = aggregated;
        this.printer = printer;
    }

    /** Prints the uploaded files of the application's containers, or of one; false if there were none. */
    public boolean printAggregated(ApplicationId application, String owner, Optional<ContainerId> container)
            throws IOException {
        boolean found = aggregated.read(application, owner, container, new LogFrames(Long.MAX_VALUE, printer));
        printer.finish();
        return found;
    }

    /**
     * Prints the files of a running application's containers, or of one, that rolling log aggregation has uploaded
     * (and deleted on the nodes) so far; nothing when none was uploaded yet.
     */
    public void printRolledOver(ApplicationId application, String owner, Optional<ContainerId> container) {
        try {
            printAggregated(application, owner, container);
        } catch (IOException e) {
            // Hadoop's file controllers fail on an application directory without uploads
        }
    }

    /** Prints every log file of the containers as it is now on their NodeManagers. */
    public void printLocal(List<ContainerLocation> containers) throws InterruptedException {
        for (ContainerLocation container : containers) {
            for (LogFile file : filesOf(container)) {
                try {
                    nodes.read(container, file.name(), Long.MAX_VALUE,
                            new LogFrames(Long.MAX_VALUE, new LocalFrames()));
                } catch (IOException e) {
                    // the container ended after it was listed
                }
            }
        }
        printer.finish();
    }

    /** Prints what the containers' log files gained since they were last printed; all of a file not printed yet. */
    public void printNew(List<ContainerLocation> containers) throws InterruptedException {
        for (ContainerLocation container : containers) {
            for (LogFile file : filesOf(container)) {
                long size = offsets.tailSize(container.id().toString(), file.name(), file.size());
                if (size != 0) {
                    printTail(container, file.name(), size);
                }
            }
        }
        printer.finish();
    }

    private void printTail(ContainerLocation container, String file, long firstSize) throws InterruptedException {
        long size = firstSize;
        for (int attempt = 0; attempt < TAIL_ATTEMPTS; attempt++) {
            TailCapture tail = new TailCapture();
            try {
                nodes.read(container, file, size, new LogFrames(size, tail));
            } catch (IOException e) {
                return;
            }
            if (tail.frame == null) {
                return;
            }
            byte[] unprinted = offsets.unprinted(tail.frame, tail.body.toByteArray());
            if (unprinted != null) {
                if (unprinted.length > 0) {
                    printer.header(tail.frame.container(), tail.frame.node(), tail.frame.file());
                    printer.bytes(unprinted, 0, unprinted.length);
                }
                return;
            }
            size = offsets.tailSize(container.id().toString(), file, tail.frame.length());
        }
    }

    private List<LogFile> filesOf(ContainerLocation container) throws InterruptedException {
        try {
            return nodes.files(container);
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Prints the frames a NodeManager read from its disk, not the uploaded parts of the same file it appends, and
     * notes how far each file was printed.
     */
    private final class LocalFrames implements LogSink {

        private boolean passing;

        @Override
        public void start(LogFrame frame) {
            passing = frame.local();
            if (passing) {
                offsets.printedUpTo(frame.container(), frame.file(), frame.length());
                printer.start(frame);
            }
        }

        @Override
        public void bytes(byte[] buffer, int offset, int length) {
            if (passing) {
                printer.bytes(buffer, offset, length);
            }
        }
    }

    /** The first frame a NodeManager read from its disk, with its bytes: a tail, small. */
    private static final class TailCapture implements LogSink {

        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private LogFrame frame;
        private boolean capturing;

        @Override
        public void start(LogFrame next) {
            capturing = frame == null && next.local();
            if (capturing) {
                frame = next;
            }
        }

        @Override
        public void bytes(byte[] buffer, int offset, int length) {
            if (capturing) {
                body.write(buffer, offset, length);
            }
        }
    }
}
