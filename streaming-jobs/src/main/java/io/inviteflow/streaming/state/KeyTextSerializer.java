package io.inviteflow.streaming.state;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

import java.io.IOException;

/**
 * Flink's {@link StringSerializer} format, byte for byte, written a whole string at a time. The job's state is keyed
 * by texts (invitation ids, scopes, counter names), and a checkpoint writes every key; {@code StringSerializer} hands
 * the checkpoint stream one byte per call, through three layers of streams, which took a sixteenth of the pipeline
 * benchmark's CPU. Because the bytes are the same, a checkpoint written with {@code StringSerializer} restores into
 * this one (its snapshot says so), whatever the state backend. Not the other way: a job from before this serializer
 * does not know its snapshot, so going back to one takes a savepoint from before.
 */
public final class KeyTextSerializer extends TypeSerializer<String> {

    private static final long serialVersionUID = 1L;
    private static final int MORE = 0x80;
    /** A longer text gets a buffer of its own, not kept: a serializer keeps at most this much. */
    private static final int KEPT_BYTES = 64 * 1024;
    /**
     * The encoding of one string (at most 3 bytes a character and 5 for the length). Per instance: Flink gives each
     * thread its own through {@link #duplicate} (a checkpoint's writer duplicates the backend's).
     */
    private transient byte[] buffer;

    /** Another serializer of the same texts, with a buffer of its own: one per thread. */
    @Override
    public TypeSerializer<String> duplicate() {
        return new KeyTextSerializer();
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public String createInstance() {
        return "";
    }

    @Override
    public String copy(String from) {
        return from;
    }

    @Override
    public String copy(String from, String reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(String text, DataOutputView target) throws IOException {
        if (text == null) {
            target.write(0);
            return;
        }
        int length = text.length();
        int most = 5 + 3 * length;
        byte[] bytes = buffer;
        if (bytes == null || bytes.length < most) {
            bytes = new byte[Math.max(most, 256)];
            if (most <= KEPT_BYTES) {
                buffer = bytes;
            }
        }
        int at = varint(bytes, 0, length + 1); // 0 stands for null
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < MORE) {
                bytes[at++] = (byte) c;
            } else {
                at = varint(bytes, at, c);
            }
        }
        target.write(bytes, 0, at);
    }

    /** Seven bits a byte, lowest first, the high bit set on every byte but the last (as {@link StringValue}). */
    private static int varint(byte[] bytes, int at, int value) {
        while (value >= MORE) {
            bytes[at++] = (byte) (value | MORE);
            value >>>= 7;
        }
        bytes[at++] = (byte) value;
        return at;
    }

    @Override
    public String deserialize(DataInputView source) throws IOException {
        return StringValue.readString(source);
    }

    @Override
    public String deserialize(String reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        StringValue.copyString(source, target);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyTextSerializer;
    }

    @Override
    public int hashCode() {
        return KeyTextSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<String> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Reads checkpoints of this serializer and of {@link StringSerializer} alike: their bytes are the same. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<String> {

        public Snapshot() {
            super(KeyTextSerializer::new);
        }

        @Override
        public TypeSerializerSchemaCompatibility<String> resolveSchemaCompatibility(
                TypeSerializerSnapshot<String> oldSnapshot) {
            if (oldSnapshot instanceof StringSerializer.StringSerializerSnapshot) {
                return TypeSerializerSchemaCompatibility.compatibleAsIs();
            }
            return super.resolveSchemaCompatibility(oldSnapshot);
        }
    }
}
