package io.spindle.minicluster;

/** A worker process for {@link ProbeApplicationMaster} that fails on purpose. */
public final class FailingWorker {

    static final int EXIT_CODE = 3;

    private FailingWorker() { }

    public static void main(String[] args) {
        System.err.println("failing on purpose");
        System.exit(EXIT_CODE);
    }
}
