package io.spindle.core.restart;

/** Never restarts: the first failure fails the job. */
public final class NoRestartPolicy implements RestartPolicy {

    private boolean failureRecorded;

    @Override
    public boolean notifyFailure(long nowMillis) {
        failureRecorded = true;
        return true;
    }

    @Override
    public boolean canRestart(long nowMillis) {
        return false;
    }

    @Override
    public long longestBackoffMillis() {
        return 0;
    }

    @Override
    public long backoffMillis(long nowMillis) {
        if (!failureRecorded) {
            throw new IllegalStateException("no failure recorded yet");
        }
        return 0;
    }

    @Override
    public String toString() {
        return "none (restarts disabled)";
    }
}
