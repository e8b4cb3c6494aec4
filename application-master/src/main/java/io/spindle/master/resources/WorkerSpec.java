package io.spindle.master.resources;

/** The size of one worker container. */
public record WorkerSpec(int memoryMb, int vcores) {

    public WorkerSpec {
        if (memoryMb <= 0 || vcores <= 0) {
            throw new IllegalArgumentException(
                    "a worker needs positive memory and vcores, got " + memoryMb + " MiB, " + vcores + " vcores");
        }
    }

    @Override
    public String toString() {
        return memoryMb + " MiB, " + vcores + " vcores";
    }
}
