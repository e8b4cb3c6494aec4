package io.spindle.master.cluster;

import io.spindle.master.resources.FinalStatus;

/** How the job ended for good, as the cluster should record it. */
public record JobEnd(FinalStatus status, String diagnostics) { }
