package io.inviteflow.streaming.state;

import io.inviteflow.streaming.functions.Keys;
import io.inviteflow.streaming.totals.CounterChanges;
import io.inviteflow.streaming.totals.CounterRow;
import io.inviteflow.streaming.totals.CounterTotal;
import io.inviteflow.streaming.totals.CounterTotalsFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class KeyTextSerializerTest {

    private static final List<String> TEXTS = Arrays.asList(
            "", UUID.randomUUID().toString(), "event|" + UUID.randomUUID(), "choices|q|Crème brûlée — 生日 🎂",
            "half \ud83c", "\u007f\u0080\u3fff\u4000\uffff", "x".repeat(200), "ü".repeat(20_000), null);

    @Test
    void writesStringSerializersBytesAndReadsThemBack() throws IOException {
        for (String text : TEXTS) {
            byte[] ours = bytes(new KeyTextSerializer(), text);
            byte[] flinks = bytes(StringSerializer.INSTANCE, text);

            assertThat(ours).as("the bytes of %s", abbreviated(text)).isEqualTo(flinks);
            assertThat(new KeyTextSerializer().deserialize(new DataInputDeserializer(flinks))).isEqualTo(text);
            var copied = new DataOutputSerializer(16);
            new KeyTextSerializer().copy(new DataInputDeserializer(ours), copied);
            assertThat(copied.getCopyOfBuffer()).isEqualTo(flinks);
        }
    }

    /** Its buffer is its own: Flink hands each thread a duplicate, which must be another, equal serializer. */
    @Test
    void aDuplicateIsAnotherEqualSerializer() throws IOException {
        var serializer = new KeyTextSerializer();
        var duplicate = serializer.duplicate();

        assertThat(duplicate).isNotSameAs(serializer).isEqualTo(serializer).hasSameHashCodeAs(serializer);
        assertThat(bytes(duplicate, "event|e1")).isEqualTo(bytes(serializer, "event|e1"));
    }

    @Test
    void itsSnapshotTakesStringSerializersAsItsOwn() {
        var snapshot = new KeyTextSerializer().snapshotConfiguration();

        assertThat(snapshot.resolveSchemaCompatibility(StringSerializer.INSTANCE.snapshotConfiguration())
                .isCompatibleAsIs()).isTrue();
        assertThat(snapshot.resolveSchemaCompatibility(new KeyTextSerializer().snapshotConfiguration())
                .isCompatibleAsIs()).isTrue();
    }

    /** A checkpoint of the job before this serializer (keys and counter names by StringSerializer) restores. */
    @Test
    void countersKeyedByStringSerializerRestoreIntoTodaysOperator() throws Exception {
        var before = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new StringKeyedTotals()),
                new Keys.Scope(), Types.STRING);
        before.open();
        before.processElement(change("opened|", 2, 2), 1L);
        before.processElement(change("choices|q|Fête 🎂", 1, 1), 1L);
        OperatorSubtaskState checkpoint = before.snapshot(1L, 1L);
        before.close();

        var after = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new CounterTotalsFunction()), new Keys.Scope(), KeyText.TYPE);
        after.setup();
        after.initializeState(checkpoint);
        after.open();
        after.processElement(change("opened|", 1, 1), 2L);
        after.processElement(change("choices|q|Fête 🎂", 1, 1), 2L);
        List<CounterRow> rows = after.extractOutputValues();
        after.close();

        assertThat(rows).extracting(CounterRow::dimension, CounterRow::value, CounterRow::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("", 3L, 3L),
                        org.assertj.core.groups.Tuple.tuple("q|Fête 🎂", 2L, 2L));
    }

    private static CounterChanges change(String name, long amount, long count) {
        return new CounterChanges("event", "e", new String[]{name}, new long[]{amount}, new long[]{count},
                new long[]{1_000});
    }

    private static byte[] bytes(org.apache.flink.api.common.typeutils.TypeSerializer<String> serializer, String text)
            throws IOException {
        var out = new DataOutputSerializer(16);
        serializer.serialize(text, out);
        return out.getCopyOfBuffer();
    }

    private static String abbreviated(String text) {
        return text == null || text.length() < 40 ? String.valueOf(text) : text.substring(0, 40) + "…";
    }

    /** The counters' state as the job kept it before: the same name and value type, names by {@code Types.STRING}. */
    private static final class StringKeyedTotals extends KeyedProcessFunction<String, CounterChanges, CounterRow> {
        private transient MapState<String, CounterTotal> totals;

        @Override
        public void open(OpenContext openContext) {
            totals = getRuntimeContext().getMapState(new MapStateDescriptor<>("totals", Types.STRING,
                    TypeInformation.of(CounterTotal.class)));
        }

        @Override
        public void processElement(CounterChanges c, Context ctx, Collector<CounterRow> out) throws Exception {
            CounterTotal current = totals.get(c.names()[0]);
            totals.put(c.names()[0], (current == null ? CounterTotal.ZERO : current)
                    .plus(c.amounts()[0], c.counts()[0], c.occurredAtMs()[0]));
        }
    }
}
