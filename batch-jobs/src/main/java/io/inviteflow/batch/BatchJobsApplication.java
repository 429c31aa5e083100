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

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader each time a message, body part or
        // multipart is made or written (jakartaee/mail-api#699, #861): inside a Spring Boot jar that scan took most of
        // batch-jobs' CPU in a profile of a campaign being sent. Named here, it is instantiated directly instead.
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(BatchJobsApplication.class, args);
    }
}
