package io.spindle.client.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs a main class of the minicluster module, which sits above this one: {@code bin/spindle} puts it on the
 * class path only for the commands that start the embedded cluster ({@code minicluster}, {@code demo}, and
 * {@code bin/spindle-bench W4}), so the client of a real cluster does not carry Hadoop's servers.
 */
public final class MiniClusterMain {

    private MiniClusterMain() { }

    public static void run(String mainClass, String[] arguments) {
        Method main;
        try {
            main = Class.forName(mainClass).getMethod("main", String[].class);
        } catch (ReflectiveOperationException e) {
            throw new UsageException("the embedded cluster is not on the class path; run this with bin/spindle or bin/spindle-bench");
        }
        try {
            main.invoke(null, (Object) arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the embedded cluster failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
