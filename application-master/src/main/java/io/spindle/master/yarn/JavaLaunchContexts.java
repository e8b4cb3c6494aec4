package io.spindle.master.yarn;

import org.apache.hadoop.yarn.api.ApplicationConstants.Environment;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.LocalResource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Launch contexts for Java processes in the application's containers: the shipped files, the
 * Java installation, the classpath over the shipped files, and the command.
 */
public final class JavaLaunchContexts {

    private final Map<String, LocalResource> localResources;
    private final String javaHome;

    /**
     * @param javaHome where Java is on the NodeManagers; set explicitly because a NodeManager passes
     *                 on its own JAVA_HOME only if it has one
     */
    public JavaLaunchContexts(Map<String, LocalResource> localResources, String javaHome) {
        this.localResources = Map.copyOf(localResources);
        this.javaHome = javaHome;
    }

    public ContainerLaunchContext create(int containerMemoryMb, String mainClass, List<String> arguments,
                                         List<String> jvmOptions, Map<String, String> environment) {
        Map<String, String> containerEnvironment = new HashMap<>(environment);
        containerEnvironment.put(Environment.JAVA_HOME.name(), javaHome);
        containerEnvironment.put(Environment.CLASSPATH.name(), ShippedFiles.classpath());
        String command = JvmCommand.line(containerMemoryMb, jvmOptions, mainClass, arguments);
        return ContainerLaunchContext.newInstance(localResources, containerEnvironment, List.of(command),
                null, null, null);
    }
}
