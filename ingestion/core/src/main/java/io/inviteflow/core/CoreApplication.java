package io.inviteflow.core;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** The transactional core: REST API, guest pages, and the outbox that feeds Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CoreApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(CoreApplication.class, args);
    }
}
