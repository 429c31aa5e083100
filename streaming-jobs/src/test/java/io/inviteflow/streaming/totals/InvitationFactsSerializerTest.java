package io.inviteflow.streaming.totals;

import io.inviteflow.contract.Payloads;
import io.inviteflow.streaming.functions.Keys;
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

        copy.flag("c-2", CampaignFlags.SENT);
        copy.recent[0] = 0;
        copy.choices[0] = "changed";

        assertThat(original).usingRecursiveComparison().isEqualTo(full());
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

        var after = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new AggregateCountersFunction()), new Keys.Aggregate(), Types.STRING);
        after.setup();
        after.initializeState(checkpoint);
        after.open();
        after.processElement(answered("a", T0 + 60_000, Payloads.Rsvp.YES, 0, 1), T0 + 60_000);
        after.snapshot(2L, T0 + 60_000); // and writes the state with the new serializer
        List<String> changed = new ArrayList<>();
        for (CounterChanges c : after.extractOutputValues()) {
            for (String name : c.names()) {
                changed.add(c.scope() + '|' + name);
            }
        }
        after.close();

        // the answer's own counters moved; the creation and the open restored from the POJO state did not again
        assertThat(changed).contains("event|answered|", "event|yes|", "organizer|theme_yes|confetti")
                .doesNotContain("event|invited|", "event|opened|");
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
