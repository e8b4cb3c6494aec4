package io.spindle.state.rocksdb;

import io.spindle.core.graph.StateDeclaration;
import io.spindle.state.StateException;

import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A RocksDB native snapshot (a local snapshot directory, or a downloaded one) opened read-only with the
 * backend's options (its merge operator folds list-state operands), to read its states' entries: for a
 * canonical savepoint, and for restoring some key groups of it into another instance.
 */
final class ReadOnlyRocksDb implements AutoCloseable {

    private final RocksDbInstanceOptions options;
    private final RocksDB db;
    private final List<ColumnFamilyHandle> handles;
    /** The declared states, sorted by name, with their column families. */
    private final Map<StateDeclaration, ColumnFamilyHandle> states;

    private ReadOnlyRocksDb(RocksDbInstanceOptions options, RocksDB db, List<ColumnFamilyHandle> handles,
                            Map<StateDeclaration, ColumnFamilyHandle> states) {
        this.options = options;
        this.db = db;
        this.handles = handles;
        this.states = states;
    }

    static ReadOnlyRocksDb open(RocksDbResources resources, Path directory) {
        RocksDbInstanceOptions options = resources.newInstanceOptions();
        RocksDB db = null;
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            List<byte[]> names;
            try (Options listOptions = new Options()) {
                names = RocksDB.listColumnFamilies(listOptions, directory.toString());
            }
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>(names.size());
            for (byte[] name : names) {
                descriptors.add(new ColumnFamilyDescriptor(name, options.columnFamilyOptions()));
            }
            db = RocksDB.openReadOnly(options.dbOptions(), directory.toString(), descriptors, handles);
            ColumnFamilyHandle defaultColumnFamily = null;
            for (int i = 0; i < names.size(); i++) {
                if (Arrays.equals(names.get(i), RocksDB.DEFAULT_COLUMN_FAMILY)) {
                    defaultColumnFamily = handles.get(i);
                }
            }
            List<Map.Entry<StateDeclaration, ColumnFamilyHandle>> states = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (RocksDbLayout.declaredName(names.get(i)) != null) {
                    states.add(Map.entry(declaration(db, defaultColumnFamily, handles.get(i), directory),
                            handles.get(i)));
                }
            }
            states.sort(Comparator.comparing(entry -> entry.getKey().name()));
            Map<StateDeclaration, ColumnFamilyHandle> byDeclaration = new LinkedHashMap<>();
            states.forEach(entry -> byDeclaration.put(entry.getKey(), entry.getValue()));
            return new ReadOnlyRocksDb(options, db, handles, byDeclaration);
        } catch (RocksDBException | RuntimeException e) {
            close(options, db, handles);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StateException("cannot open the RocksDB snapshot in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * What a state or timer service of the snapshot in {@code directory} was declared as, from the record the backend
     * keeps of it in the default column family.
     */
    static StateDeclaration declaration(RocksDB db, ColumnFamilyHandle defaultColumnFamily,
                                        ColumnFamilyHandle columnFamily, Path directory) throws RocksDBException {
        byte[] columnFamilyName = columnFamily.getName();
        String name = RocksDbLayout.declaredName(columnFamilyName);
        byte[] meta = db.get(defaultColumnFamily, columnFamilyName);
        if (meta == null) {
            throw new StateException("the snapshot in " + directory + " has state '" + name
                    + "' but not what it was declared as");
        }
        return RocksDbLayout.declaration(name, meta);
    }

    /** The states in the snapshot, by name. */
    List<StateDeclaration> states() {
        return List.copyOf(states.keySet());
    }

    /** An iterator over a state's column family; the caller closes it before closing this. */
    RocksIterator iterator(StateDeclaration state) {
        return db.newIterator(states.get(state));
    }

    @Override
    public void close() {
        close(options, db, handles);
    }

    /** Column families, then the DB, then its options: reverse order of creation. */
    private static void close(RocksDbInstanceOptions options, RocksDB db, List<ColumnFamilyHandle> handles) {
        for (int i = handles.size() - 1; i >= 0; i--) {
            handles.get(i).close();
        }
        if (db != null) {
            db.close();
        }
        options.close();
    }
}
