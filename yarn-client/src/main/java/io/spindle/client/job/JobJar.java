package io.spindle.client.job;

import io.spindle.api.SpindleJob;
import io.spindle.client.cli.UsageException;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;

/** A user's job jar: finds the job class (given, or named by the manifest) and makes an instance. */
public final class JobJar {

    /** Manifest attribute naming the job class, read when no class is given; Main-Class is read too. */
    public static final String JOB_CLASS_ATTRIBUTE = "Spindle-Job-Class";

    private JobJar() { }

    /** @throws UsageException (exit 2) if the jar or class is missing or not a job */
    public static SpindleJob load(Path jar, Optional<String> className) {
        if (!Files.isRegularFile(jar) || !Files.isReadable(jar)) {
            throw new UsageException("job jar " + jar + " does not exist or cannot be read");
        }
        String name = className.orElseGet(() -> classFromManifest(jar));
        ClassLoader loader = new URLClassLoader(new URL[] {url(jar)}, JobJar.class.getClassLoader());
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UsageException("job class " + name + " not found in " + jar);
        }
        if (!SpindleJob.class.isAssignableFrom(type)) {
            throw new UsageException("class " + name + " in " + jar + " does not implement io.spindle.api.SpindleJob");
        }
        try {
            return (SpindleJob) type.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new UsageException("job class " + name + " needs a public constructor without arguments");
        } catch (InvocationTargetException e) {
            throw new UsageException("job class " + name + " could not be created: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new UsageException("job class " + name + " could not be created: " + e);
        }
    }

    private static String classFromManifest(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            String name = manifest == null ? null : Optional.ofNullable(manifest.getMainAttributes()
                    .getValue(JOB_CLASS_ATTRIBUTE)).orElse(manifest.getMainAttributes().getValue("Main-Class"));
            if (name == null) {
                throw new UsageException("no job class: give -c <class>, or name it in the manifest of " + jar
                        + " (" + JOB_CLASS_ATTRIBUTE + " or Main-Class)");
            }
            return name;
        } catch (IOException e) {
            throw new UsageException(jar + " is not a readable jar: " + e.getMessage());
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UsageException("bad jar path " + jar);
        }
    }
}
