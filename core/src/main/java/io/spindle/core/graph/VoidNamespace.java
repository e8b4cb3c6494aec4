package io.spindle.core.graph;

import io.spindle.api.codec.Codec;

import java.io.DataInput;
import java.io.DataOutput;

/** The one namespace of timers and state that have none (a process function's): encoded as no bytes. */
public enum VoidNamespace {
    INSTANCE;

    public static final Codec<VoidNamespace> CODEC = new Codec<>() {
        @Override
        public void encode(VoidNamespace value, DataOutput out) {
        }

        @Override
        public VoidNamespace decode(DataInput in) {
            return INSTANCE;
        }

        @Override
        public String id() {
            return "void";
        }
    };
}
