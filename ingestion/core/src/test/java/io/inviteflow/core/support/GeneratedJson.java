package io.inviteflow.core.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of request bodies for the tests that throw generated input at the API. */
public final class GeneratedJson {

    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GeneratedJson() {
    }

    /**
     * Bodies that start from a valid one and have each field, now and then, replaced by a value of its own kind (itself
     * often wrong), by any JSON value, or removed; some are not JSON at all.
     */
    @SuppressWarnings("unchecked")
    public static Arbitrary<String> body(String valid, Object... pairs) {
        ObjectNode baseline;
        try {
            baseline = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(valid);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
        Arbitrary<ObjectNode> object = Arbitraries.just(0).map(x -> baseline.deepCopy());
        for (int i = 0; i < pairs.length; i += 2) {
            String name = (String) pairs[i];
            Arbitrary<JsonNode> own = ((Arbitrary<? extends JsonNode>) pairs[i + 1]).map(n -> (JsonNode) n);
            Arbitrary<JsonNode> change = Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(78, Arbitraries.just((JsonNode) null)),
                    net.jqwik.api.Tuple.of(14, own),
                    net.jqwik.api.Tuple.of(4, any()),
                    net.jqwik.api.Tuple.of(4, Arbitraries.just((JsonNode) com.fasterxml.jackson.databind.node
                            .MissingNode.getInstance())));
            object = Combinators.combine(object, change).as((o, v) -> {
                if (v == null) {
                    return o;
                }
                ObjectNode copy = o.deepCopy();
                if (v.isMissingNode()) {
                    copy.remove(name);
                } else {
                    copy.set(name, v);
                }
                return copy;
            });
        }
        Arbitrary<String> wellFormed = object.map(JsonNode::toString);
        Arbitrary<String> broken = Arbitraries.of("", "{", "[]", "null", "{\"title\":}", "\"just a string\"",
                "{\"title\":\"\\u0000\"}", "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(19, wellFormed), net.jqwik.api.Tuple.of(1, broken));
    }

    /** Any JSON value at all. */
    public static Arbitrary<JsonNode> any() {
        return Arbitraries.oneOf(text(), number(), date(), Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()), Arbitraries.just(NODES.arrayNode()),
                Arbitraries.just(NODES.objectNode().put("x", 1)));
    }

    public static Arbitrary<JsonNode> text() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(80, Arbitraries.strings().alpha().numeric().withChars(' ', 'é', '{', '}')
                        .ofMinLength(1).ofMaxLength(40)),
                net.jqwik.api.Tuple.of(20, Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(0).ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.strings().withChars('\u0000', '\u202e', '\ud83c', 'a', '<', '>', '"').ofMaxLength(10),
                Arbitraries.strings().alpha().ofLength(6000),
                Arbitraries.of("Ada", "{firstName}", "{nope}", "   ", "'; DROP TABLE invitation; --"))))
                .map(NODES::textNode);
    }

    public static Arbitrary<JsonNode> number() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(80,
                        Arbitraries.integers().between(-1, 60).map(n -> (JsonNode) NODES.numberNode(n))),
                net.jqwik.api.Tuple.of(20, Arbitraries.oneOf(
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, (long) Integer.MAX_VALUE + 1).map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.just(NODES.numberNode(new java.math.BigInteger("9".repeat(40)))))));
    }

    public static Arbitrary<JsonNode> date() {
        return Arbitraries.oneOf(
                Arbitraries.of("2027-06-12T18:00:00+02:00", "2027-06-12T10:00:00Z", "0001-01-01T00:00:00Z",
                        "+999999999-12-31T23:59:59Z", "2027-02-30T10:00:00Z", "tomorrow", "2027-06-12").map(
                        NODES::textNode),
                Arbitraries.integers().between(1900, 10000).map(y -> NODES.textNode(y + "-03-01T12:00:00Z")));
    }

}
