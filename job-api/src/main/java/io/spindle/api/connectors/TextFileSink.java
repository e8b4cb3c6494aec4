package io.spindle.api.connectors;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Writes a hidden in-progress file per subtask and publishes it by rename at the end of input. */
final class TextFileSink<T> implements Sink<T> {

    private final String directory;
    private final Function<T, String> format;

    TextFileSink(String directory, Function<T, String> format) {
        if (directory == null || directory.isBlank()) {
            throw new IllegalArgumentException("text file sink needs a directory");
        }
        this.directory = directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
        this.format = format;
    }

    @Override
    public SinkWriter<T> createWriter(SinkContext context) throws IOException {
        String name = "part-" + context.subtaskIndex() + "-0";
        String finished = directory + "/" + name;
        String inProgress = directory + "/." + name + ".inprogress";
        FileAccess files = context.files();
        if (files.exists(finished)) {
            throw new IOException("output file " + finished + " exists already; choose an empty output directory");
        }
        if (files.exists(inProgress)) {
            files.delete(inProgress);
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(files.create(inProgress), StandardCharsets.UTF_8),
                64 * 1024);
        return new SinkWriter<>() {
            private boolean published;

            @Override
            public void write(T value) throws IOException {
                out.write(format.apply(value));
                out.write('\n');
            }

            @Override
            public void endOfInput() throws IOException {
                out.close();
                files.rename(inProgress, finished);
                published = true;
            }

            @Override
            public void close() throws IOException {
                if (!published) {
                    out.close();
                }
            }
        };
    }
}
