package io.spindle.minicluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The container JVMs of an application on this machine, found by main class; the application id is in each
 * one's command line (its {@code java.io.tmpdir} lies in the container's directory). For showing and testing
 * what happens when one is killed.
 */
public final class ContainerProcesses {

    private ContainerProcesses() { }

    public static List<ProcessHandle> of(String applicationId, String mainClass) {
        List<ProcessHandle> processes = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(process -> {
            Optional<String> command = process.info().commandLine();
            if (command.isPresent() && command.get().contains(mainClass) && command.get().contains(applicationId)) {
                processes.add(process);
            }
        });
        return processes;
    }
}
