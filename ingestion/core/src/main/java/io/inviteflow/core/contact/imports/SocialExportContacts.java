package io.inviteflow.core.contact.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.core.contact.PointKind;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The JSON files of Facebook's and Instagram's "download your information": Facebook {@code your_friends.json}
 * ({@code {"friends_v2": [{"name", "timestamp"}]}}, older exports {@code "friends"}), Instagram
 * {@code followers_1.json} (a top-level array) and {@code following.json}
 * ({@code {"relationships_following": [{"title", "string_list_data": [{"href", "value"}]}]}}). The file is streamed, so
 * each person is reported with the line it starts on.
 */
final class SocialExportContacts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FACEBOOK_LISTS = Set.of("friends_v2", "friends", "close_friends_v2");
    private static final Set<String> INSTAGRAM_LISTS = Set.of("relationships_following", "relationships_followers",
            "relationships_close_friends");

    private SocialExportContacts() {
    }

    static boolean looksLikeJson(String text) {
        String start = text.stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }

    static ParsedContacts read(String text, PointNormalizer normalizer) {
        var out = new ParsedContactsCollector();
        try (JsonParser json = new JsonFactory(JSON).createParser(text)) {
            PointKind network = findPeopleArray(json);
            while (json.nextToken() == JsonToken.START_OBJECT) {
                int line = json.currentTokenLocation().getLineNr();
                JsonNode person = json.readValueAsTree();
                out.add(network == PointKind.FACEBOOK ? facebookFriend(line, person, normalizer)
                        : instagramAccount(line, person, normalizer));
            }
            if (json.currentToken() != JsonToken.END_ARRAY) {
                out.reject(json.currentTokenLocation().getLineNr(), "expected one object per person");
            }
            return out.done(network == PointKind.FACEBOOK ? "facebook-json" : "instagram-json");
        } catch (IOException e) {
            throw new UnreadableContactsFile("not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Moves to the array of people and says whose export it is. */
    private static PointKind findPeopleArray(JsonParser json) throws IOException {
        JsonToken first = json.nextToken();
        if (first == JsonToken.START_ARRAY) {
            return PointKind.INSTAGRAM;
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (value == JsonToken.START_ARRAY && FACEBOOK_LISTS.contains(field)) {
                return PointKind.FACEBOOK;
            }
            if (value == JsonToken.START_ARRAY && INSTAGRAM_LISTS.contains(field)) {
                return PointKind.INSTAGRAM;
            }
            json.skipChildren();
        }
        throw new UnreadableContactsFile("JSON, but not a Facebook friends or Instagram followers/following export: "
                + "expected one of " + FACEBOOK_LISTS + " or " + INSTAGRAM_LISTS);
    }

    /** Facebook gives only a name; it stands in as the handle so the same friend is merged on the next import. */
    private static CardBuilder.Result facebookFriend(int line, JsonNode friend, PointNormalizer normalizer) {
        String name = repairMojibake(friend.path("name").asText(null));
        return new CardBuilder(line, normalizer).displayName(name).profile(PointKind.FACEBOOK, name).build();
    }

    private static CardBuilder.Result instagramAccount(int line, JsonNode account, PointNormalizer normalizer) {
        JsonNode data = account.path("string_list_data").path(0);
        String handle = firstText(data.path("value"), account.path("title"));
        if (handle == null && data.hasNonNull("href")) {
            handle = data.get("href").asText();
        }
        return new CardBuilder(line, normalizer).displayName(handle).profile(PointKind.INSTAGRAM, handle).build();
    }

    private static String firstText(JsonNode... nodes) {
        for (JsonNode node : nodes) {
            if (node.isTextual() && !node.asText().isBlank()) {
                return node.asText();
            }
        }
        return null;
    }

    /**
     * Facebook writes UTF-8 bytes as if each were a Latin-1 character ("JosÃ©" for "José"). Undo that when the text
     * is exactly such a sequence; leave any other text alone.
     */
    static String repairMojibake(String text) {
        if (text == null || text.chars().allMatch(c -> c < 0x80) || text.chars().anyMatch(c -> c > 0xFF)) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException notMojibake) {
            return text;
        }
    }
}
