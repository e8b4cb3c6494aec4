package io.spindle.state.checkpoint.storage;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

import java.io.IOException;

/**
 * The raw local file system, except that deleting a path containing {@link #failDeletesOf} fails, as on a
 * file system that is briefly unavailable. Installed for file:// through a test's own Configuration.
 */
public class FaultyLocalFileSystem extends RawLocalFileSystem {

    /** Deletes of paths containing this fail; null: none fails. Tests run one at a time. */
    static volatile String failDeletesOf;

    static Configuration configuration() {
        Configuration configuration = new Configuration();
        configuration.setClass("fs.file.impl", FaultyLocalFileSystem.class, org.apache.hadoop.fs.FileSystem.class);
        configuration.setBoolean("fs.file.impl.disable.cache", true);
        return configuration;
    }

    @Override
    public boolean delete(Path path, boolean recursive) throws IOException {
        String failing = failDeletesOf;
        if (failing != null && path.toString().contains(failing)) {
            throw new IOException("injected failure deleting " + path);
        }
        return super.delete(path, recursive);
    }
}
