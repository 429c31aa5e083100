package io.inviteflow.batch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Batch jobs of Inviteflow: Spring Batch (job repository in PostgreSQL) started by a clustered Quartz scheduler or by
 * hand over HTTP. Features live in their own packages: {@code reminder} (the jobs), {@code core} (the client of the
 * core's internal API).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BatchJobsApplication {

    public static void main(String[] args) {
        SpringApplication.run(BatchJobsApplication.class, args);
    }
}
