package io.inviteflow.streaming.totals;

import io.inviteflow.contract.Payloads;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The state of one invitation, written field by field with each text as one block of UTF-8 bytes. Flink's POJO
 * serializer writes a String one character at a time through the checkpoint stream; the heap state backend writes
 * every invitation at every checkpoint, and those per-character writes were two fifths of a checkpoint's CPU.
 * <p>
 * Checkpoints taken with the POJO serializer (before this one) still restore: {@link Snapshot} declares them
 * compatible after migration, so the heap backend reads them with the old serializer and writes the next with this.
 */
public final class InvitationFactsSerializer extends TypeSerializer<InvitationFacts> {

    private static final long serialVersionUID = 1L;
    /**
     * The layout of the bytes, first in every record: a field added to {@link InvitationFacts} gets a new layout, and
     * {@link #deserialize} goes on reading the older ones (a checkpoint holds records of the layout it was written with).
     */
    static final byte LAYOUT = 1;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<InvitationFacts> duplicate() {
        return this; // stateless
    }

    @Override
    public InvitationFacts createInstance() {
        return new InvitationFacts();
    }

    /** A deep copy: the heap backend copies an entry on write while an asynchronous snapshot still reads it. */
    @Override
    public InvitationFacts copy(InvitationFacts from) {
        InvitationFacts to = new InvitationFacts();
        to.created = from.created;
        to.createdAtMs = from.createdAtMs;
        to.organizerId = from.organizerId;
        to.theme = from.theme;
        to.referredBy = from.referredBy;
        to.firstOpenMs = from.firstOpenMs;
        to.delivered = from.delivered;
        to.response = from.response;
        to.plusOnes = from.plusOnes;
        to.answerVersion = from.answerVersion;
        to.choices = from.choices.clone();
        to.firstAnswerMs = from.firstAnswerMs;
        to.lastVia = from.lastVia;
        to.campaignKeys = from.campaignKeys.clone();
        to.campaignFlags = from.campaignFlags.clone();
        to.recent = from.recent.clone();
        return to;
    }

    @Override
    public InvitationFacts copy(InvitationFacts from, InvitationFacts reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(InvitationFacts f, DataOutputView out) throws IOException {
        out.writeByte(LAYOUT);
        out.writeBoolean(f.created);
        out.writeLong(f.createdAtMs);
        writeText(f.organizerId, out);
        writeText(f.theme, out);
        writeText(f.referredBy, out);
        out.writeLong(f.firstOpenMs);
        out.writeBoolean(f.delivered);
        // the answer by name: the enum's order may change, a checkpoint must still read the same answer
        writeText(f.response == null ? null : f.response.name(), out);
        out.writeInt(f.plusOnes);
        out.writeLong(f.answerVersion);
        writeTexts(f.choices, out);
        out.writeLong(f.firstAnswerMs);
        writeText(f.lastVia, out);
        writeTexts(f.campaignKeys, out);
        out.writeInt(f.campaignFlags.length);
        for (int flags : f.campaignFlags) {
            out.writeInt(flags);
        }
        out.writeInt(f.recent.length);
        for (long r : f.recent) {
            out.writeLong(r);
        }
    }

    @Override
    public InvitationFacts deserialize(DataInputView in) throws IOException {
        byte layout = in.readByte();
        if (layout != LAYOUT) {
            throw new IOException("invitation state of layout " + layout + ", this job reads layout " + LAYOUT);
        }
        InvitationFacts f = new InvitationFacts();
        f.created = in.readBoolean();
        f.createdAtMs = in.readLong();
        f.organizerId = readText(in);
        f.theme = readText(in);
        f.referredBy = readText(in);
        f.firstOpenMs = in.readLong();
        f.delivered = in.readBoolean();
        String response = readText(in);
        f.response = response == null ? null : Payloads.Rsvp.valueOf(response);
        f.plusOnes = in.readInt();
        f.answerVersion = in.readLong();
        f.choices = readTexts(in);
        f.firstAnswerMs = in.readLong();
        f.lastVia = readText(in);
        f.campaignKeys = readTexts(in);
        f.campaignFlags = new int[in.readInt()];
        for (int i = 0; i < f.campaignFlags.length; i++) {
            f.campaignFlags[i] = in.readInt();
        }
        f.recent = new long[in.readInt()];
        for (int i = 0; i < f.recent.length; i++) {
            f.recent[i] = in.readLong();
        }
        return f;
    }

    @Override
    public InvitationFacts deserialize(InvitationFacts reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InvitationFactsSerializer;
    }

    @Override
    public int hashCode() {
        return InvitationFactsSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<InvitationFacts> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Length + 1 (0 for null), then the UTF-8 bytes in one write. */
    static void writeText(String s, DataOutputView out) throws IOException {
        if (s == null) {
            out.writeInt(0);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length + 1);
        out.write(bytes);
    }

    static String readText(DataInputView in) throws IOException {
        int length = in.readInt() - 1;
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeTexts(String[] texts, DataOutputView out) throws IOException {
        out.writeInt(texts.length);
        for (String s : texts) {
            writeText(s, out);
        }
    }

    private static String[] readTexts(DataInputView in) throws IOException {
        String[] texts = new String[in.readInt()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = readText(in);
        }
        return texts;
    }

    /** Restores this serializer; accepts the POJO serializer's checkpoints, read once with it. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<InvitationFacts> {

        public Snapshot() {
            super(InvitationFactsSerializer::new);
        }

        @Override
        public TypeSerializerSchemaCompatibility<InvitationFacts> resolveSchemaCompatibility(
                TypeSerializerSnapshot<InvitationFacts> oldSnapshot) {
            if (oldSnapshot instanceof PojoSerializerSnapshot) {
                return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
            }
            return super.resolveSchemaCompatibility(oldSnapshot);
        }
    }
}
