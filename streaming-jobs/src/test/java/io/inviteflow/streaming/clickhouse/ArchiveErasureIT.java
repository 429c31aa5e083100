package io.inviteflow.streaming.clickhouse;

import io.inviteflow.streaming.records.ActivityLogRow;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's erasure reaching the raw archive in the real ClickHouse: the archive's writer inserts what came before
 * the {@code PERSON_ERASED} activity, then deletes every activity of the erased invitations of that event; a replay
 * from offset zero inserts them again and deletes them again.
 */
class ArchiveErasureIT {

    /** The local stack's ClickHouse, as in EngagementJobIT. */
    private static final String CLICKHOUSE = "http://127.0.0.1:8123";
    private static final String EVENT = UUID.randomUUID().toString();
    private static final String ADA = UUID.randomUUID().toString();
    private static final String GRACE = UUID.randomUUID().toString();

    private final ClickHouseHttp http = new ClickHouseHttp(CLICKHOUSE);
    private final ClickHouseTarget target = new ClickHouseTarget(CLICKHOUSE,
            "erasure_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    private final String table = target.qualified(ClickHouseTable.ACTIVITY_LOG.name());

    @BeforeEach
    void createArchive() throws IOException {
        ClickHouseTable.ACTIVITY_LOG.createIfMissing(http, target);
    }

    @AfterEach
    void dropArchive() throws IOException {
        http.execute("DROP DATABASE IF EXISTS " + target.database());
    }

    @Test
    void anErasureDeletesTheErasedInvitationsActivitiesAndAReplayDeletesThemAgain() throws Exception {
        List<ActivityLogRow> stream = List.of(
                row("INVITATION_CREATED", "invitation", ADA, "{}"),
                row("INVITATION_CREATED", "invitation", GRACE, "{}"),
                row("IDEA_PICKED", "invitation", ADA, "{\"itemId\":\"cake\",\"guestKey\":\"k\"}"),
                row("PERSON_ERASED", "person", UUID.randomUUID().toString(), "{\"invitationIds\":[\"" + ADA + "\"]}"));

        write(stream);
        awaitRows(List.of("INVITATION_CREATED/" + GRACE, "PERSON_ERASED"));

        write(stream); // the job replaying the topic from offset zero
        awaitRows(List.of("INVITATION_CREATED/" + GRACE, "PERSON_ERASED"));
    }

    private void write(List<ActivityLogRow> rows) throws Exception {
        // a batch of two: the rows before the erasure go out as an insert in flight (on its own thread, as in the
        // job), which the erasure must wait for before it deletes
        var writer = new ClickHouseSinkWriter<ActivityLogRow>(http, table, 2, 60_000,
                new TestProcessingTimeService(), new SimpleCounter(), null,
                java.util.concurrent.Executors.newSingleThreadExecutor());
        for (ActivityLogRow row : rows) {
            writer.write(row, null);
        }
        writer.flush(true);
        writer.close();
    }

    /** The archive's rows, as {@code type/aggregate} (just the type for erasures), once the mutation has run. */
    private void awaitRows(List<String> wanted) throws Exception {
        long giveUpAt = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> rows;
        do {
            rows = http.query("SELECT concat(type, if(type = 'PERSON_ERASED', '', concat('/', aggregate_id))) FROM "
                    + table + " FINAL ORDER BY type, aggregate_id FORMAT TabSeparated").lines().toList();
            if (rows.equals(wanted)) {
                return;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < giveUpAt);
        assertThat(rows).as("the archive after the erasure").isEqualTo(wanted);
    }

    private static ActivityLogRow row(String type, String aggregateType, String aggregateId, String payload) {
        return new ActivityLogRow(UUID.randomUUID().toString(), type, aggregateType, aggregateId, EVENT,
                1_790_000_000L, 0, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
