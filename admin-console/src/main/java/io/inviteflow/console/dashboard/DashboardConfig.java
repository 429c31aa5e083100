package io.inviteflow.console.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

@Configuration(proxyBeanMethods = false)
class DashboardConfig {

    /** Runs the ClickHouse polls of all open dashboards; a dashboard registers on attach and cancels on detach. */
    @Bean
    ThreadPoolTaskScheduler dashboardPoller(DashboardSettings settings) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(settings.pollerThreads());
        scheduler.setThreadNamePrefix("dashboard-poll-");
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler; // started and stopped by Spring (InitializingBean / DisposableBean)
    }
}
