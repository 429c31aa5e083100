package io.inviteflow.console;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The organizers' console. {@link Push} lives here because Vaadin reads it only from the
 * {@link AppShellConfigurator}: the dashboard pushes ClickHouse figures to the browser without a request.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Push
public class ConsoleApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }
}
