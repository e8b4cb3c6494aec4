package io.spindle.client.yarn;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * What the client ships as the containers' libraries: its own classpath, so that the ApplicationMaster and
 * the workers run exactly the Spindle the client validated the job with. Jars are linked; class directories
 * (Spindle's modules when run from a build, as in tests) are packed into jars; directories without classes
 * (a Hadoop configuration directory) and the jar of Hadoop's test servers, which no container runs, are left
 * out.
 */
public final class RuntimeClasspath {

    private static final String SERVERS_JAR_PREFIX = "hadoop-client-minicluster-";

    private RuntimeClasspath() { }

    /** Fills {@code target} with this JVM's classpath, leaving out {@code excluded}; returns it. */
    public static Path libraryDirectory(Path target, Path excluded) throws IOException {
        Files.createDirectories(target);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            String name = path.getFileName() == null ? "" : path.getFileName().toString();
            if (path.equals(excluded) || !Files.exists(path) || name.startsWith(SERVERS_JAR_PREFIX)) {
                continue;
            }
            if (Files.isDirectory(path) && hasClasses(path)) {
                // .../<module>/target/classes -> <module>-classes.jar
                pack(path, target.resolve(path.getParent().getParent().getFileName() + "-" + name + ".jar"));
            } else if (name.endsWith(".jar") && !Files.exists(target.resolve(name))) {
                Files.createSymbolicLink(target.resolve(name), path);
            }
        }
        return target;
    }

    /** Where the given class was loaded from: a jar, or a class directory. */
    public static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }

    /** The files under {@code directory} as a jar. */
    public static Path pack(Path directory, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(directory)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path path : files) {
                out.putNextEntry(new JarEntry(directory.relativize(path).toString().replace(File.separatorChar, '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static boolean hasClasses(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.anyMatch(file -> file.toString().endsWith(".class"));
        }
    }
}
