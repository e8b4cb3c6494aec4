package io.spindle.state.rocksdb;

import io.spindle.state.checkpoint.StateFile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link SnapshotFiles} over a real one that records what happens and can fail the n-th upload or hold
 * uploads until released.
 */
final class TestingSnapshotFiles implements SnapshotFiles {

    private final SnapshotFiles delegate;
    private final AtomicInteger uploadCalls = new AtomicInteger();
    final List<StateFile> uploaded = new CopyOnWriteArrayList<>();
    final List<StateFile> deleted = new CopyOnWriteArrayList<>();
    final List<StateFile> downloaded = new CopyOnWriteArrayList<>();
    /** Bytes read through {@link #open}. */
    final AtomicLong bytesRead = new AtomicLong();

    private volatile int failingUpload = -1;
    private volatile IOException failure;
    private volatile CountDownLatch heldUploads;
    private volatile CountDownLatch release;
    private volatile int holdFrom;

    TestingSnapshotFiles(SnapshotFiles delegate) {
        this.delegate = delegate;
    }

    /** The {@code n}-th upload (1-based, counting from now on) throws {@code failure}. */
    TestingSnapshotFiles failUpload(int n, IOException failure) {
        this.failure = failure;
        this.failingUpload = uploadCalls.get() + n;
        return this;
    }

    /**
     * After {@code passing} more uploads, uploads wait until {@link #release()} (or their interruption, which
     * they report as an {@link InterruptedIOException}); the returned latch counts down as {@code waiting} of
     * them have started waiting.
     */
    CountDownLatch holdUploads(int passing, int waiting) {
        CountDownLatch held = new CountDownLatch(waiting);
        release = new CountDownLatch(1);
        holdFrom = uploadCalls.get() + passing + 1;
        heldUploads = held;
        return held;
    }

    void release() {
        release.countDown();
    }

    @Override
    public StateFile upload(Path localFile, String relativePath) throws IOException {
        int call = uploadCalls.incrementAndGet();
        if (call == failingUpload) {
            throw failure;
        }
        CountDownLatch held = heldUploads;
        if (held != null && call >= holdFrom) {
            held.countDown();
            try {
                // a test that neither releases nor cancels the upload gets a failed upload, not a hung thread
                if (!release.await(2, TimeUnit.MINUTES)) {
                    throw new IOException("upload of " + localFile + " held for 2 minutes: never released");
                }
            } catch (InterruptedException e) {
                throw new InterruptedIOException("upload of " + localFile + " interrupted while held");
            }
        }
        StateFile file = delegate.upload(localFile, relativePath);
        uploaded.add(file);
        return file;
    }

    @Override
    public void download(StateFile file, Path localTarget) throws IOException {
        delegate.download(file, localTarget);
        downloaded.add(file);
    }

    @Override
    public InputStream open(StateFile file, long offset) throws IOException {
        return new FilterInputStream(delegate.open(file, offset)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                bytesRead.addAndGet(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] bytes, int off, int length) throws IOException {
                int read = super.read(bytes, off, length);
                bytesRead.addAndGet(Math.max(read, 0));
                return read;
            }
        };
    }

    @Override
    public void delete(StateFile file) throws IOException {
        delegate.delete(file);
        deleted.add(file);
    }
}
