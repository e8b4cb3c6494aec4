package io.spindle.api.connectors.files;

import io.spindle.api.connectors.FileAccess;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where one writer stages its parts: {@code <base>/.in-progress/<job id>/<attempt>/<writer id>/<bucket>/<name>},
 * published to {@code <base>/<bucket>/<name>}. A directory per writer lets each writer remove its own staging whole;
 * the shared directories above it go only when empty.
 */
final class Staging {

    static final String DIRECTORY = ".in-progress";
    private static final int CREATE_TRIES = 10;

    private final FileAccess files;
    private final String base;
    private final String job;
    private final String attempt;
    private final String writer;

    Staging(FileAccess files, String base, String jobId, int attemptNumber, String writerId) {
        this.files = files;
        this.base = base;
        this.job = base + "/" + DIRECTORY + "/" + jobId;
        this.attempt = job + "/" + attemptNumber;
        this.writer = attempt + "/" + writerId;
    }

    String staged(String bucket, String name) {
        return writer + "/" + relative(bucket, name);
    }

    String published(String bucket, String name) {
        return base + "/" + relative(bucket, name);
    }

    private static String relative(String bucket, String name) {
        return bucket.isEmpty() ? name : bucket + "/" + name;
    }

    /**
     * Creates a staged file. Another writer of the attempt that closed may be removing the then empty shared
     * directories while this creates them (Hadoop's local file system creates them one by one), which fails the
     * creation: it is tried again. Each writer removes them at most once.
     */
    OutputStream create(String staged) throws IOException {
        for (int tries = 1; ; tries++) {
            try {
                return files.create(staged);
            } catch (IOException e) {
                if (tries == CREATE_TRIES) {
                    throw e;
                }
            }
        }
    }

    /** Deletes the staging of the job's other attempts, with whatever they held that no checkpoint committed. */
    void discardOtherAttempts() throws IOException {
        String current = attempt.substring(attempt.lastIndexOf('/') + 1);
        for (String other : files.list(job)) {
            if (!other.equals(current)) {
                files.delete(job + "/" + other);
            }
        }
    }

    /** Removes this writer's staging, and the shared directories above it that are left empty. */
    void remove() throws IOException {
        files.delete(writer);
        if (files.deleteIfEmpty(attempt) && files.deleteIfEmpty(job)) {
            files.deleteIfEmpty(base + "/" + DIRECTORY);
        }
    }

    /** A bucket must be a relative path of visible names: readers skip names starting with '.' or '_'. */
    static void checkBucket(String bucket) {
        if (bucket == null) {
            throw new IllegalStateException("the bucket assigner gave no bucket");
        }
        if (bucket.isEmpty()) {
            return;
        }
        for (String name : bucket.split("/", -1)) {
            if (name.isEmpty() || name.startsWith(".") || name.startsWith("_")) {
                throw new IllegalStateException("bucket '" + bucket + "' is not a relative path of visible names "
                        + "(none empty or starting with '.' or '_')");
            }
        }
    }
}
