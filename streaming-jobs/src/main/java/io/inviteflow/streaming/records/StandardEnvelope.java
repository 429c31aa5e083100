package io.inviteflow.streaming.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.UtcInstantDeserializer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an activity's envelope in one pass of Jackson's streaming parser, in the one shape every producer writes:
 * ids as lower-case UUIDs, a known type, {@code schemaVersion} an int, {@code occurredAt} in UTC ({@code …Z}), the
 * payload a compact object. The payload stays where it is in the bytes (offsets), so it is neither built as a tree nor
 * written out again.
 * <p>
 * Anything else — invalid JSON, a field missing, another shape of id or time, an unknown type — gives {@code null},
 * and the caller reads the message with the contract's codec, which accepts or rejects it exactly as before. Decoding
 * was the largest share of the engagement job's CPU (a fifth of it): envelope bean, tree, payload re-serialised.
 */
final class StandardEnvelope {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Map<String, ActivityType> TYPES = new HashMap<>();

    static {
        for (ActivityType t : ActivityType.values()) {
            TYPES.put(t.name(), t);
        }
    }

    private StandardEnvelope() {
    }

    /** The envelope of {@code json}, or null when it is not in the standard shape (see the class comment). */
    static Envelope read(byte[] json) {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String eventId = null;
            String aggregateType = null;
            String aggregateId = null;
            String partyEventId = null;
            ActivityType type = null;
            Instant occurredAt = null;
            int payloadStart = -1;
            int payloadEnd = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "eventId" -> eventId = uuid(p, value);
                    case "aggregateId" -> aggregateId = uuid(p, value);
                    case "partyEventId" -> partyEventId = uuid(p, value);
                    case "aggregateType" -> aggregateType = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "type" -> type = value == JsonToken.VALUE_STRING ? TYPES.get(p.getText()) : null;
                    case "occurredAt" -> occurredAt = value == JsonToken.VALUE_STRING
                            ? UtcInstantDeserializer.parse(p.getText()) : null;
                    case "schemaVersion" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                            return null;
                        }
                    }
                    case "payload" -> {
                        if (value != JsonToken.START_OBJECT) {
                            return null;
                        }
                        payloadStart = (int) p.currentTokenLocation().getByteOffset();
                        p.skipChildren();
                        payloadEnd = (int) p.currentLocation().getByteOffset();
                    }
                    default -> p.skipChildren(); // fields newer producers add
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null || eventId == null
                    || aggregateId == null || partyEventId == null || aggregateType == null || type == null
                    || occurredAt == null || payloadStart < 0 || !compact(json, payloadStart, payloadEnd)) {
                return null;
            }
            return new Envelope(eventId, type, aggregateType, aggregateId, partyEventId, occurredAt.toEpochMilli(),
                    json, payloadStart, payloadEnd - payloadStart);
        } catch (IOException notStandard) {
            return null;
        }
    }

    /**
     * Whether the payload has no whitespace outside its strings and is valid UTF-8: the archive keeps these bytes as
     * they are, ClickHouse's {@code visitParamExtract…} (the recommender's queries) reads only compact JSON, and the
     * parser checks only part of UTF-8 in what it skips (overlong forms and encoded surrogates pass it). Any other
     * payload goes through the codec, which writes it out compactly as valid UTF-8. (Escapes, number forms and
     * repeated keys are kept as sent.)
     */
    private static boolean compact(byte[] json, int from, int to) {
        boolean inString = false;
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            byte b = json[i];
            if (b < 0) {
                ascii = false;
            } else if (inString) {
                if (b == '\\') {
                    i++; // the escaped character, a quote too
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                return false;
            }
        }
        return ascii || utf8(json, from, to);
    }

    private static boolean utf8(byte[] json, int from, int to) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(json, from, to - from));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    /** The text of a lower-case UUID ({@code UUID.toString()}'s form), or null for anything else. */
    private static String uuid(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            return null;
        }
        String s = p.getText();
        if (s.length() != 36) {
            return null;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
            if (!ok) {
                return null;
            }
        }
        return s;
    }
}
