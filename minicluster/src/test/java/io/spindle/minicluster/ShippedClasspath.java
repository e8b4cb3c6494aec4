package io.spindle.minicluster;

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
 * What a test ships to its containers, taken from the test JVM's own classpath (which Surefire
 * puts in {@code java.class.path}): this module's test classes become the job jar; every other
 * entry goes into the library directory, jars as links and class directories (the reactor's
 * modules) packed into jars. Containers then run exactly the code the test was compiled against,
 * whether Maven resolved the Spindle modules to directories or to jars. The one exception is the
 * Hadoop minicluster jar: it holds the servers, which no container runs, and a second copy of the
 * client classes that the shaded client jars already ship.
 */
final class ShippedClasspath {

    private static final String SERVERS_JAR_PREFIX = "hadoop-client-minicluster-";

    private ShippedClasspath() { }

    static Path jobJar(Path target) throws IOException {
        return pack(testClasses(), target);
    }

    static Path libraryDirectory(Path target) throws IOException {
        Files.createDirectories(target);
        Path testClasses = testClasses();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (path.equals(testClasses) || !Files.exists(path) || path.getFileName().toString().startsWith(SERVERS_JAR_PREFIX)) {
                continue;
            }
            if (Files.isDirectory(path)) {
                // .../<module>/target/classes -> <module>-classes.jar
                pack(path, target.resolve(path.getParent().getParent().getFileName() + "-" + path.getFileName() + ".jar"));
            } else if (path.toString().endsWith(".jar")) {
                Files.createSymbolicLink(target.resolve(path.getFileName()), path);
            }
        }
        return target;
    }

    private static Path testClasses() {
        try {
            return Path.of(ShippedClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path pack(Path directory, Path jar) throws IOException {
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
}
