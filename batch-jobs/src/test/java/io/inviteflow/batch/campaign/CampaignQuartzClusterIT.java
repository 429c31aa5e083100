package io.inviteflow.batch.campaign;

import io.inviteflow.batch.support.BatchIntegrationTest;
import io.inviteflow.batch.support.CoreApi;
import io.inviteflow.batch.support.CoreServer;
import io.inviteflow.testsupport.Mailboxes;
import io.inviteflow.testsupport.IsolatedStores;
import io.inviteflow.testsupport.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.KeyMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two batch-jobs processes in one Quartz cluster (same job store): the campaigns trigger fires on one of them, once,
 * and the campaign reaches each person once.
 */
class CampaignQuartzClusterIT extends BatchIntegrationTest {

    private static final JobKey CAMPAIGNS = JobKey.jobKey("campaigns", "campaigns");

    @Autowired
    Scheduler scheduler;
    @Autowired
    JdbcClient jdbc;

    @Test
    void twoInstancesFireTheCampaignTriggerOnce() throws Exception {
        String name = "batch-jobs-second-" + RUN;
        try (ServiceProcess second = secondInstance(name)) {
            // one cluster: the other process checks in to the same job store
            String me = scheduler.getSchedulerInstanceId();
            await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql("SELECT INSTANCE_NAME FROM QRTZ_SCHEDULER_STATE")
                    .query(String.class).list().stream().anyMatch(instance -> !instance.equals(me)));
            List<String> fired = new CopyOnWriteArrayList<>();
            scheduler.getListenerManager().addJobListener(firesOn("first", fired), KeyMatcher.keyEquals(CAMPAIGNS));

            CoreApi core = coreApi();
            String organizer = core.newOrganizerToken();
            UUID eventId = core.newEvent(organizer, "Cluster party");
            String tag = UUID.randomUUID().toString().substring(0, 8);
            List<CoreApi.Invited> guests = core.invite(organizer, eventId, List.of("Ann", "Ben"),
                    List.of("ann-" + tag + "@example.org", "ben-" + tag + "@example.org"));
            String id = core.emailCampaignNow(organizer, eventId, "Once");

            Trigger once = TriggerBuilder.newTrigger().withIdentity("once-" + tag, "campaigns").forJob(CAMPAIGNS)
                    .startNow().build();
            scheduler.scheduleJob(once);

            for (CoreApi.Invited guest : guests) {
                assertThat(Mailboxes.awaitInbox(guest.email(), Mailboxes.ofCampaign(id), 1, Duration.ofSeconds(20)))
                        .hasSize(1);
            }
            Thread.sleep(3_000); // room for a second fire, if the cluster let one through
            long there = Files.readAllLines(Path.of("target", name + ".log")).stream()
                    .filter(line -> line.contains("trigger campaigns.once-" + tag + " fired here")).count();
            assertThat(fired.size() + there).as("fires here (%s) and in the other process (%d)", fired, there)
                    .isEqualTo(1);
            for (CoreApi.Invited guest : guests) {
                assertThat(Mailboxes.inbox(guest.email()).stream().filter(Mailboxes.ofCampaign(id))).hasSize(1);
            }
            assertThat(core.send("GET", "/api/v1/campaigns/" + id, organizer, "").get("status").asText())
                    .isEqualTo("SENT");
        } finally {
            scheduler.getListenerManager().removeJobListener("count-first");
        }
    }

    /**
     * Another batch-jobs process (this module's jar) on the same stores and core, as a second machine would run it: a
     * JVM of its own, since Spring's Quartz integration keeps a scheduler's job-store connections in a JVM-wide
     * registry by scheduler name.
     */
    private static ServiceProcess secondInstance(String name) {
        List<String> arguments = new ArrayList<>(new IsolatedStores("batch_test_" + RUN, TOPIC).arguments());
        arguments.addAll(List.of("--inviteflow.core.url=" + CoreServer.shared().url(),
                "--inviteflow.reminders.cron=0 0 0 1 1 ? 2099", "--inviteflow.schedules.cron=0 0 0 1 1 ? 2099",
                "--inviteflow.campaigns.cron=0 0 0 1 1 ? 2099", "--server.port=" + ServiceProcess.freePort(),
                "--logging.level.io.inviteflow.batch.campaign.CampaignQuartzJob=DEBUG"));
        return ServiceProcess.start(name, Path.of("target/inviteflow-batch-jobs.jar"), Path.of("target"),
                List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), arguments);
    }

    private static JobListener firesOn(String instance, List<String> fired) {
        return new JobListener() {
            @Override
            public String getName() {
                return "count-" + instance;
            }

            @Override
            public void jobToBeExecuted(JobExecutionContext context) {
            }

            @Override
            public void jobExecutionVetoed(JobExecutionContext context) {
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException error) {
                if (context.getTrigger().getKey().getName().startsWith("once-")) {
                    fired.add(instance);
                }
            }
        };
    }
}
