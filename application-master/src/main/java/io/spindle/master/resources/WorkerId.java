package io.spindle.master.resources;

import java.util.Objects;

/** One worker container, named by its cluster's id for it (on YARN, the container id). */
public record WorkerId(String value) {

    public WorkerId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a worker id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
