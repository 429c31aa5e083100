package io.inviteflow.console.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

@Configuration(proxyBeanMethods = false)
class DashboardConfig {

    /**
     * Runs the polls of every open live view (dashboards reading ClickHouse, campaign results reading the core); a
     * view registers on attach and cancels on detach ({@link io.inviteflow.console.live.LivePolling}).
     */
    @Bean
    ThreadPoolTaskScheduler livePoller(DashboardSettings settings) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(settings.pollerThreads());
        scheduler.setThreadNamePrefix("live-poll-");
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler; // started and stopped by Spring (InitializingBean / DisposableBean)
    }
}
