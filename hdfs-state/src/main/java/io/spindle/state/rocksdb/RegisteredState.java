package io.spindle.state.rocksdb;

import io.spindle.api.state.StateDescriptor;

import org.rocksdb.ColumnFamilyHandle;

/** A declared state: what it was declared as, and its column family. */
record RegisteredState(String name, StateDescriptor.Kind kind, String codecId, ColumnFamilyHandle columnFamily) {

    /** A state as a checkpoint recorded it ({@link RocksDbLayout#stateMeta}). */
    static RegisteredState fromMeta(String name, byte[] meta, ColumnFamilyHandle columnFamily) {
        return new RegisteredState(name, RocksDbLayout.stateMetaKind(meta), RocksDbLayout.stateMetaCodecId(meta),
                columnFamily);
    }

    void checkCompatible(StateDescriptor<?> descriptor) {
        if (descriptor.kind() != kind || !descriptor.codecId().equals(codecId)) {
            throw new IllegalArgumentException("state '" + name + "' is already declared as "
                    + describe(kind, codecId) + "; it cannot be declared again as "
                    + describe(descriptor.kind(), descriptor.codecId()));
        }
    }

    private static String describe(StateDescriptor.Kind kind, String codecId) {
        return kind.name().toLowerCase() + " state with codec '" + codecId + "'";
    }
}
