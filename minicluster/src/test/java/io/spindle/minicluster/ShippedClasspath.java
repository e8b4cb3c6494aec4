package io.spindle.minicluster;

import io.spindle.client.yarn.RuntimeClasspath;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What the probe tests ship: this module's test classes as the job jar, the rest of the test JVM's classpath
 * as the libraries.
 */
final class ShippedClasspath {

    private ShippedClasspath() { }

    static Path jobJar(Path target) throws IOException {
        return RuntimeClasspath.pack(RuntimeClasspath.locationOf(ShippedClasspath.class), target);
    }

    static Path libraryDirectory(Path target) throws IOException {
        return RuntimeClasspath.libraryDirectory(target, RuntimeClasspath.locationOf(ShippedClasspath.class));
    }
}
