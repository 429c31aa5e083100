package io.inviteflow.streaming.totals;

import io.inviteflow.contract.Payloads;
import io.inviteflow.streaming.functions.Keys;
import io.inviteflow.streaming.state.KeyText;
import io.inviteflow.streaming.records.ActivityEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.inviteflow.streaming.TestActivities.T0;
import static io.inviteflow.streaming.TestActivities.answered;
import static io.inviteflow.streaming.TestActivities.createdBy;
import static io.inviteflow.streaming.TestActivities.openedVia;
import static org.assertj.core.api.Assertions.assertThat;

class InvitationFactsSerializerTest {

    private final InvitationFactsSerializer serializer = new InvitationFactsSerializer();

    @Test
    void writesAndReadsBackEveryFieldIncludingNullsAndNonLatinText() throws Exception {
        InvitationFacts full = full();
        InvitationFacts empty = new InvitationFacts();

        for (InvitationFacts facts : List.of(full, empty)) {
            DataOutputSerializer out = new DataOutputSerializer(64);
            serializer.serialize(facts, out);
            InvitationFacts back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
            assertThat(back).usingRecursiveComparison().isEqualTo(facts);
        }
    }

    @Test
    void aCopySharesNoArrayWithItsOriginal() {
        InvitationFacts original = full();
        InvitationFacts copy = serializer.copy(original);

        copy.flag("c-1", CampaignFlags.SENT); // in place: an existing campaign
        copy.campaignKeys[1] = "changed";
        copy.recent[0] = 0;
        copy.choices[0] = "changed";

        assertThat(original).usingRecursiveComparison().isEqualTo(full());
    }

    /** A field added to the facts must be written, read and copied: this list fails until the serializer has it. */
    @Test
    void handlesEveryFieldOfTheFacts() {
        assertThat(java.util.Arrays.stream(InvitationFacts.class.getDeclaredFields())
                .filter(f -> !java.lang.reflect.Modifier.isStatic(f.getModifiers())).map(java.lang.reflect.Field::getName))
                .as("add the new field to serialize, deserialize and copy (a new LAYOUT), then here")
                .containsExactlyInAnyOrder("created", "createdAtMs", "organizerId", "theme", "referredBy", "firstOpenMs",
                        "delivered", "response", "plusOnes", "answerVersion", "choices", "firstAnswerMs", "lastVia",
                        "campaignKeys", "campaignFlags", "recent");
    }

    @Test
    void refusesALayoutItDoesNotKnow() {
        byte[] bytes = {(byte) (InvitationFactsSerializer.LAYOUT + 1), 0};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(bytes)))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("layout");
    }

    @Test
    void itsSnapshotRestoresItAndAcceptsThePojoSerializersCheckpoints() throws Exception {
        var snapshot = serializer.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(64);
        snapshot.writeSnapshot(out);
        var read = InstantiationUtil.instantiate(InvitationFactsSerializer.Snapshot.class);
        read.readSnapshot(snapshot.getCurrentVersion(), new DataInputDeserializer(out.getCopyOfBuffer()),
                getClass().getClassLoader());

        assertThat(read.restoreSerializer()).isEqualTo(serializer);
        assertThat(snapshot.resolveSchemaCompatibility(read).isCompatibleAsIs()).isTrue();
        var pojo = Types.POJO(InvitationFacts.class).createSerializer(new org.apache.flink.api.common.serialization
                .SerializerConfigImpl()).snapshotConfiguration();
        assertThat(snapshot.resolveSchemaCompatibility(pojo).isCompatibleAfterMigration()).isTrue();
    }

    /** A checkpoint of the job before this serializer (the POJO one) restores into today's operator. */
    @Test
    void anOperatorRestoredFromAPojoCheckpointKnowsWhatItKnewBefore() throws Exception {
        var before = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new PojoLayout()),
                new Keys.Aggregate(), Types.STRING);
        before.open();
        before.processElement(createdBy("a", T0, "org-1", "confetti", null), T0);
        before.processElement(openedVia("a", T0 + 1_000, "email", null), T0 + 1_000);
        OperatorSubtaskState checkpoint = before.snapshot(1L, T0);
        before.close();

        var after = restoredFrom(checkpoint);
        after.processElement(answered("a", T0 + 60_000, Payloads.Rsvp.YES, 0, 1), T0 + 60_000);
        OperatorSubtaskState written = after.snapshot(2L, T0 + 60_000); // with this serializer
        List<String> changed = changedCounters(after);
        after.close();

        // the answer's own counters moved, credited to the theme the POJO state remembered; the creation and the open
        // were not counted again
        assertThat(changed).contains("event|answered|", "event|yes|", "organizer|theme_yes|confetti")
                .doesNotContain("event|invited|", "event|opened|");

        var again = restoredFrom(written);
        again.processElement(answered("a", T0 + 90_000, Payloads.Rsvp.NO, 0, 2), T0 + 90_000);
        List<String> changedAgain = changedCounters(again);
        again.close();
        assertThat(changedAgain).as("the yes read back from this serializer's checkpoint becomes a no")
                .contains("event|yes|", "event|no|", "organizer|theme_yes|confetti")
                .doesNotContain("event|answered|", "event|invited|");
    }

    /** Today's operator, restored from {@code checkpoint}. */
    private static KeyedOneInputStreamOperatorTestHarness<String, ActivityEvent, CounterChanges> restoredFrom(
            OperatorSubtaskState checkpoint) throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new AggregateCountersFunction()), new Keys.Aggregate(), KeyText.TYPE);
        harness.setup();
        harness.initializeState(checkpoint);
        harness.open();
        return harness;
    }

    private static List<String> changedCounters(
            KeyedOneInputStreamOperatorTestHarness<String, ActivityEvent, CounterChanges> harness) {
        List<String> changed = new ArrayList<>();
        for (CounterChanges c : harness.extractOutputValues()) {
            for (String name : c.names()) {
                changed.add(c.scope() + '|' + name);
            }
        }
        return changed;
    }

    private static InvitationFacts full() {
        InvitationFacts f = new InvitationFacts();
        f.created = true;
        f.createdAtMs = T0;
        f.organizerId = "org-1";
        f.theme = "Fête — 生日";
        f.referredBy = "b";
        f.firstOpenMs = T0 + 5;
        f.delivered = true;
        f.response = Payloads.Rsvp.MAYBE;
        f.plusOnes = 3;
        f.answerVersion = 7;
        f.choices = new String[]{"q|Fish", "q|Meat"};
        f.firstAnswerMs = T0 + 9;
        f.lastVia = "sms";
        f.flag("c-1", CampaignFlags.CLICKED);
        f.flag("c-1|email", CampaignFlags.DELIVERED);
        f.recent = new long[]{1L, -2L};
        return f;
    }

    /** The job's invitation state as it was stored before: Flink's POJO serializer. */
    private static final class PojoLayout extends KeyedProcessFunction<String, ActivityEvent, CounterChanges> {
        private transient ValueState<InvitationFacts> invitations;

        @Override
        public void open(OpenContext openContext) {
            invitations = getRuntimeContext().getState(new ValueStateDescriptor<>("invitation", InvitationFacts.class));
        }

        @Override
        public void processElement(ActivityEvent a, Context ctx, Collector<CounterChanges> out) throws Exception {
            InvitationFacts f = invitations.value() == null ? new InvitationFacts() : invitations.value();
            InvitationCounters.learn(f, a);
            invitations.update(f);
        }
    }
}
