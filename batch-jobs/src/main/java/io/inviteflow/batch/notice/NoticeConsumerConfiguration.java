package io.inviteflow.batch.notice;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * A record whose notice request cannot be stored (the database is down) is retried until it can, never skipped:
 * skipping would lose the guests' notice. Records that are not activities never fail (the listener drops them).
 */
@Configuration(proxyBeanMethods = false)
class NoticeConsumerConfiguration {

    @Bean
    DefaultErrorHandler retryUntilStored() {
        return new DefaultErrorHandler(new FixedBackOff(2_000L, FixedBackOff.UNLIMITED_ATTEMPTS));
    }
}
