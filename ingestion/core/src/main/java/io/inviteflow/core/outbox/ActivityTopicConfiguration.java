package io.inviteflow.core.outbox;

import io.inviteflow.core.CoreProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;


@Configuration(proxyBeanMethods = false)
class ActivityTopicConfiguration {

    /** Created at start-up when Kafka is reachable (and not failing start-up when it is not). */
    @Bean
    NewTopic activityTopic(CoreProperties properties) {
        return TopicBuilder.name(properties.activityTopic())
                .partitions(properties.activityTopicPartitions())
                .build();
    }
}
