package io.spindle.master.resources;

/** How the application ended, as the cluster records it. */
public enum FinalStatus {
    SUCCEEDED,
    FAILED,
    KILLED
}
