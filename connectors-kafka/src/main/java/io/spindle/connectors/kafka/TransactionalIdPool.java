package io.spindle.connectors.kafka;

import java.util.BitSet;

/**
 * The k of the ids {@code <prefix>-<subtask>-<k>} one subtask uses: the smallest k whose transaction is not
 * awaiting its commit. Kafka keeps every transactional id for days (transactional.id.expiration.ms), so an id per
 * checkpoint would pile up in the broker; a pool needs about as many ids as checkpoints can be pending at once.
 */
final class TransactionalIdPool {

    private final BitSet inUse = new BitSet();

    int acquire() {
        int k = inUse.nextClearBit(0);
        inUse.set(k);
        return k;
    }

    void release(int k) {
        inUse.clear(k);
    }
}
