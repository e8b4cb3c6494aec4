package io.spindle.state.rocksdb;

import io.spindle.core.graph.StateDeclaration;

import org.rocksdb.ColumnFamilyHandle;

/** A declared state or timer service: what it was declared as, and its column family. */
record RegisteredState(StateDeclaration declaration, ColumnFamilyHandle columnFamily) {

    String name() {
        return declaration.name();
    }

    /** Declaring it again, or restoring it, as {@code wanted} must not change its kind or codecs. */
    void checkCompatible(StateDeclaration wanted) {
        if (!declaration.compatibleWith(wanted)) {
            throw new IllegalArgumentException("state '" + name() + "' is already declared as "
                    + declaration.describe() + "; it cannot be declared again as " + wanted.describe());
        }
    }
}
