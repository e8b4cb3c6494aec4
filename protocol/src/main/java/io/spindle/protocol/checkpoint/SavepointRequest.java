package io.spindle.protocol.checkpoint;

import io.spindle.state.checkpoint.SavepointFormat;

import java.util.Objects;

/**
 * What makes a barrier a savepoint's: where its files go, in which format, and whether the job ends with it.
 *
 * @param directory the savepoint's own directory (fully qualified), created by the coordinator
 */
public record SavepointRequest(String directory, SavepointFormat format, Termination termination) {

    /** What the sources do once the savepoint's barrier is out. */
    public enum Termination {
        /** Go on reading: a savepoint of a job that keeps running. */
        NONE,
        /** Read nothing more after the savepoint's barrier; end without end-of-input once it completed (stop). */
        STOP,
        /** End the input first (end-of-input hooks run), then take the savepoint; end once it completed (--drain). */
        DRAIN;

        /** "none", "stop" or "drain", in any case. */
        public static Termination parse(String text) {
            for (Termination termination : values()) {
                if (termination.name().equalsIgnoreCase(text.trim())) {
                    return termination;
                }
            }
            throw new IllegalArgumentException("unknown termination '" + text + "'; expected none, stop or drain");
        }
    }

    public SavepointRequest {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(termination, "termination");
    }

    public boolean stopsTheJob() {
        return termination != Termination.NONE;
    }
}
