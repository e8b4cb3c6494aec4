package io.spindle.master.yarn;

import org.apache.hadoop.yarn.api.records.ContainerExitStatus;

/** Readable names for a completed container's exit status, for logs and diagnostics. */
public final class ExitStatuses {

    private static final int SIGKILL = 128 + 9;
    private static final int SIGTERM = 128 + 15;

    private ExitStatuses() { }

    /** For example "exit status 137 (killed by SIGKILL)" or "exit status -102 (preempted)". */
    public static String describe(int exitStatus) {
        String meaning = meaning(exitStatus);
        return "exit status " + exitStatus + (meaning.isEmpty() ? "" : " (" + meaning + ")");
    }

    private static String meaning(int exitStatus) {
        return switch (exitStatus) {
            case ContainerExitStatus.SUCCESS -> "success";
            case ContainerExitStatus.INVALID -> "not started";
            case ContainerExitStatus.ABORTED -> "released by the application or lost with its node";
            case ContainerExitStatus.DISKS_FAILED -> "the node's disks failed";
            case ContainerExitStatus.PREEMPTED -> "preempted";
            case ContainerExitStatus.KILLED_EXCEEDED_VMEM -> "killed for exceeding its virtual memory";
            case ContainerExitStatus.KILLED_EXCEEDED_PMEM -> "killed for exceeding its physical memory";
            case ContainerExitStatus.KILLED_BY_APPMASTER -> "killed by the ApplicationMaster";
            case ContainerExitStatus.KILLED_BY_RESOURCEMANAGER -> "killed by the ResourceManager";
            case ContainerExitStatus.KILLED_AFTER_APP_COMPLETION -> "killed after the application completed";
            case ContainerExitStatus.KILLED_BY_CONTAINER_SCHEDULER -> "killed by the container scheduler";
            case ContainerExitStatus.KILLED_FOR_EXCESS_LOGS -> "killed for writing too many logs";
            case SIGKILL -> "killed by SIGKILL";
            case SIGTERM -> "terminated by SIGTERM";
            default -> "";
        };
    }
}
