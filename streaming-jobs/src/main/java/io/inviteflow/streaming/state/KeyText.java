package io.inviteflow.streaming.state;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * The type of the job's text keys (keyBy keys and map-state keys): a String written by {@link KeyTextSerializer}.
 * Given to {@code keyBy} and to state descriptors instead of {@code Types.STRING}.
 */
public final class KeyText extends TypeInformation<String> {

    public static final KeyText TYPE = new KeyText();
    private static final long serialVersionUID = 1L;

    private KeyText() {
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<String> getTypeClass() {
        return String.class;
    }

    @Override
    public boolean isKeyType() {
        return true;
    }

    @Override
    public TypeSerializer<String> createSerializer(SerializerConfig config) {
        return new KeyTextSerializer();
    }

    @Override
    public String toString() {
        return "KeyText";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyText;
    }

    @Override
    public int hashCode() {
        return KeyText.class.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof KeyText;
    }
}
