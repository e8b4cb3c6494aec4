package io.spindle.minicluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The container JVMs of an application on this machine, found by main class; the application id is in each
 * one's command line (its {@code java.io.tmpdir} lies in the container's directory). For showing and testing
 * what happens when one is killed. The {@code bash -c "java ..."} that YARN starts each JVM with has the same
 * command line: killing it instead would leave the JVM running until the NodeManager cleans the container up.
 */
public final class ContainerProcesses {

    private ContainerProcesses() { }

    public static List<ProcessHandle> of(String applicationId, String mainClass) {
        List<ProcessHandle> processes = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(process -> {
            Optional<String> command = process.info().commandLine();
            boolean java = process.info().command().map(Path::of).map(Path::getFileName)
                    .filter(name -> name.toString().equals("java")).isPresent();
            if (java && command.isPresent() && command.get().contains(mainClass) && command.get().contains(applicationId)) {
                processes.add(process);
            }
        });
        return processes;
    }
}
