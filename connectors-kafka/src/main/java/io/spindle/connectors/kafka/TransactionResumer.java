package io.spindle.connectors.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Reads and sets what a transactional {@link KafkaProducer} keeps private, to commit after a restore a transaction
 * that another producer (of a failed attempt) began: Kafka has no public API for it (KIP-939's two-phase commit was
 * pulled from 4.x), so, as Flink's FlinkKafkaInternalProducer.resumeTransaction does, this sets the producer's
 * TransactionManager to the state {@code initTransactions} and {@code beginTransaction} would have left it in, with
 * the pending transaction's producer id and epoch, and lets {@code commitTransaction} send the EndTxn request.
 *
 * <p>It depends on kafka-clients' internals (checked against 4.2): every reflective step fails with
 * {@link IllegalStateException} naming what changed, and TransactionResumerTest fails when they change.
 */
final class TransactionResumer {

    private static final String INTERNALS = "org.apache.kafka.clients.producer.internals.";

    private TransactionResumer() { }

    /** The producer's id and epoch; the producer has initialised its transactions. */
    static long producerId(KafkaProducer<?, ?> producer) {
        return (long) read(producerIdAndEpoch(producer), "producerId");
    }

    static short epoch(KafkaProducer<?, ?> producer) {
        return (short) read(producerIdAndEpoch(producer), "epoch");
    }

    /**
     * Puts a new producer, created with the pending transaction's transactional id and never initialised, into that
     * transaction, so that its {@code commitTransaction} commits it.
     *
     * @param transactionV2 whether the brokers run transactions of version 2 (KIP-890), which the EndTxn request
     *                      must say; a producer learns it in {@code initTransactions}, which this one skips
     */
    static void resume(KafkaProducer<?, ?> producer, long producerId, short epoch, boolean transactionV2) {
        Object manager = transactionManager(producer);
        synchronized (manager) {
            transitionTo(manager, "INITIALIZING");
            invoke(read(manager, "txnPartitionMap"), "reset");
            write(manager, "producerIdAndEpoch", newProducerIdAndEpoch(manager, producerId, epoch));
            transitionTo(manager, "READY");
            transitionTo(manager, "IN_TRANSACTION");
            // without it, commitTransaction sends no EndTxn: a producer sets it at its first send
            write(manager, "transactionStarted", true);
            write(manager, "isTransactionV2Enabled", transactionV2);
        }
    }

    private static Object producerIdAndEpoch(KafkaProducer<?, ?> producer) {
        return read(transactionManager(producer), "producerIdAndEpoch");
    }

    private static Object transactionManager(KafkaProducer<?, ?> producer) {
        Object manager = read(producer, KafkaProducer.class, "transactionManager");
        if (manager == null) {
            throw new IllegalStateException("the producer is not transactional");
        }
        return manager;
    }

    private static Object newProducerIdAndEpoch(Object manager, long producerId, short epoch) {
        try {
            Class<?> type = field(manager.getClass(), "producerIdAndEpoch").getType();
            Constructor<?> constructor = type.getDeclaredConstructor(long.class, short.class);
            constructor.setAccessible(true);
            return constructor.newInstance(producerId, epoch);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw incompatible("ProducerIdAndEpoch(long, short)", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void transitionTo(Object manager, String state) {
        try {
            Class<? extends Enum> states =
                    (Class<? extends Enum>) Class.forName(INTERNALS + "TransactionManager$State");
            Method transition = manager.getClass().getDeclaredMethod("transitionTo", states);
            transition.setAccessible(true);
            transition.invoke(manager, Enum.valueOf(states, state));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw incompatible("TransactionManager.transitionTo(" + state + ")", e);
        }
    }

    private static void invoke(Object target, String method) {
        try {
            Method m = target.getClass().getDeclaredMethod(method);
            m.setAccessible(true);
            m.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw incompatible(target.getClass().getSimpleName() + "." + method + "()", e);
        }
    }

    private static Object read(Object target, String name) {
        return read(target, target.getClass(), name);
    }

    private static Object read(Object target, Class<?> type, String name) {
        try {
            return field(type, name).get(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw incompatible(type.getSimpleName() + "." + name, e);
        }
    }

    private static void write(Object target, String name, Object value) {
        try {
            field(target.getClass(), name).set(target, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw incompatible(target.getClass().getSimpleName() + "." + name, e);
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    private static IllegalStateException incompatible(String member, Exception cause) {
        return new IllegalStateException("this kafka-clients version is not one the Kafka sink can resume transactions"
                + " with: " + member + " is missing or changed (" + cause + ")", cause);
    }
}
