package io.spindle.connectors.kafka;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionalIdPoolTest {

    @Test
    void anIdAwaitingItsCommitIsNotHandedOutAgain() {
        TransactionalIdPool pool = new TransactionalIdPool();

        assertThat(pool.acquire()).isZero();
        assertThat(pool.acquire()).isEqualTo(1);
    }

    @Test
    void aCommittedIdIsReusedSoThePoolStaysSmall() {
        TransactionalIdPool pool = new TransactionalIdPool();
        for (int checkpoint = 0; checkpoint < 100; checkpoint++) {
            int k = pool.acquire();
            assertThat(k).isZero();
            pool.release(k);
        }
    }

    @Test
    void theSmallestFreeIdComesFirst() {
        TransactionalIdPool pool = new TransactionalIdPool();
        pool.acquire();
        pool.acquire();
        pool.acquire();
        pool.release(1);

        assertThat(pool.acquire()).isEqualTo(1);
        assertThat(pool.acquire()).isEqualTo(3);
    }
}
