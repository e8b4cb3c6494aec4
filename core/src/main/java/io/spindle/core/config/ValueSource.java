package io.spindle.core.config;

import java.nio.file.Path;

/** Where a configuration value came from, for error messages and {@code spindle config}. */
public sealed interface ValueSource {

    /** How a person finds the value: "conf/spindle-conf.yaml:12", "-D", "default". */
    String where();

    record Default() implements ValueSource {
        @Override
        public String where() {
            return "default";
        }
    }

    record FileLine(Path file, int line) implements ValueSource {
        @Override
        public String where() {
            return file + ":" + line;
        }
    }

    record DynamicProperty() implements ValueSource {
        @Override
        public String where() {
            return "-D";
        }
    }

    record JobCode() implements ValueSource {
        @Override
        public String where() {
            return "job code";
        }
    }

    /** Values handed over as a plain map, e.g. by a test or an embedding program. */
    record Given() implements ValueSource {
        @Override
        public String where() {
            return "configuration";
        }
    }

    /**
     * Where the value came from before it was written into a file Spindle wrote (the effective configuration
     * shipped to the cluster), as that file records it above the value.
     */
    record Recorded(String where) implements ValueSource { }

    /** A default that depends on where the job runs, e.g. under the user's home on the cluster. */
    record DerivedDefault(String why) implements ValueSource {
        @Override
        public String where() {
            return "default: " + why;
        }
    }

    ValueSource DEFAULT = new Default();
    ValueSource DYNAMIC = new DynamicProperty();
    ValueSource JOB_CODE = new JobCode();
    ValueSource GIVEN = new Given();
}
