package io.inviteflow.core.account;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AccountMailTest {

    private final AccountMail mail = new AccountMail(List.of(Duration.ofMillis(10), Duration.ofMillis(20)));

    @AfterEach
    void stop() throws InterruptedException {
        mail.stop();
    }

    @Test
    void aMailTheServerDroppedIsTriedAgainUntilItGoes() throws InterruptedException {
        AtomicInteger tries = new AtomicInteger();
        CountDownLatch sent = new CountDownLatch(1);
        mail.untilSent("a confirmation", () -> {
            if (tries.incrementAndGet() < 3) {
                return false;
            }
            sent.countDown();
            return true;
        });

        assertThat(sent.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(tries).as("no try after the one that went").hasValue(3);
    }

    @Test
    void triesStopAfterTheLastPause() throws InterruptedException {
        AtomicInteger tries = new AtomicInteger();
        CountDownLatch lastTry = new CountDownLatch(3);
        mail.untilSent("a confirmation", () -> {
            tries.incrementAndGet();
            lastTry.countDown();
            return false;
        });

        assertThat(lastTry.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        assertThat(tries).as("the first try and one after each pause").hasValue(3);
    }

    @Test
    void aFailingTryIsNotRepeated() throws InterruptedException {
        AtomicInteger tries = new AtomicInteger();
        CountDownLatch failed = new CountDownLatch(1);
        mail.later("a notice", () -> {
            tries.incrementAndGet();
            failed.countDown();
            throw new IllegalStateException("the database is away");
        });

        assertThat(failed.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(tries).hasValue(1);
    }
}
