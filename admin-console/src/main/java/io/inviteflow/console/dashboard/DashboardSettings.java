package io.inviteflow.console.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval  how often an open dashboard reads ClickHouse (each poll: two short queries)
 * @param chartMinutes  how many of the most recent active minutes the chart shows
 * @param pollerThreads threads shared by all open dashboards' polls
 */
@ConfigurationProperties("inviteflow.console.dashboard")
record DashboardSettings(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("120") int chartMinutes,
        @DefaultValue("2") int pollerThreads) {
}
