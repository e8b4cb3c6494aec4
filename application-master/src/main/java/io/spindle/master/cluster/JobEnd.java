package io.spindle.master.cluster;

import io.spindle.master.resources.FinalStatus;

/**
 * How the job ended for good, as the cluster should record it; or, {@code abandoned}, how this master attempt
 * ended without ending the job (another attempt runs it), so that it records nothing and leaves the job's files.
 *
 * @param status null when abandoned
 */
public record JobEnd(FinalStatus status, String diagnostics, boolean abandoned) {

    public static JobEnd of(FinalStatus status, String diagnostics) {
        return new JobEnd(status, diagnostics, false);
    }

    public static JobEnd abandoned(String reason) {
        return new JobEnd(null, reason, true);
    }
}
