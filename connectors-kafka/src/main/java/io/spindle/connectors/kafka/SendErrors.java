package io.spindle.connectors.kafka;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/** The first error of the producer's asynchronous sends, thrown on the writer's thread at its next call. */
final class SendErrors implements Callback {

    private volatile Exception first;

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception != null && first == null) {
            first = exception;
        }
    }

    void check() throws Exception {
        Exception error = first;
        if (error != null) {
            throw new IllegalStateException("Kafka did not take a record: " + error.getMessage(), error);
        }
    }
}
