package io.inviteflow.batch.campaign;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestMailLimitTest {

    @Test
    void anAddressGetsAtMostSoManyInTheWindowOthersTheirOwn() {
        TestMailLimit limit = new TestMailLimit(3, Duration.ofHours(1));
        limit.take("ada@example.org", 2);
        limit.take("ADA@example.org ", 1);
        assertThatThrownBy(() -> limit.take("ada@example.org", 1)).isInstanceOf(TestMailLimit.Exceeded.class);
        assertThatCode(() -> limit.take("bob@example.org", 3)).doesNotThrowAnyException();
        // a group that would go over is refused whole, and counts nothing
        assertThatThrownBy(() -> limit.take("bob@example.org", 2)).isInstanceOf(TestMailLimit.Exceeded.class);
    }

    @Test
    void theWindowSlides() throws InterruptedException {
        TestMailLimit limit = new TestMailLimit(1, Duration.ofMillis(50));
        limit.take("ada@example.org", 1);
        Thread.sleep(80);
        assertThatCode(() -> limit.take("ada@example.org", 1)).doesNotThrowAnyException();
    }
}
