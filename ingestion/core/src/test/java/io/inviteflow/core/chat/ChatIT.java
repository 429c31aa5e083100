package io.inviteflow.core.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import io.inviteflow.testsupport.ActivityReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guests' chat is end-to-end encrypted: this test plays the browsers (AES-GCM with the key from the link's
 * fragment, as guest.js does) and then looks everywhere the server keeps things for the words it sent.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChatIT extends CoreIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    String organizer;
    String eventId;
    String grace;
    String graceId;
    String alan;
    byte[] roomKey;

    @BeforeEach
    void twoGuests() {
        api = new Api(port);
        organizer = api.newOrganizerToken();
        eventId = api.newEvent(organizer, "Secret surprise party");
        JsonNode invited = api.invite(organizer, eventId, "Grace", "Alan");
        grace = invited.get(0).get("token").asText();
        graceId = invited.get(0).get("id").asText();
        alan = invited.get(1).get("token").asText();
        String link = invited.get(0).get("link").asText();
        roomKey = Base64.getUrlDecoder().decode(link.substring(link.indexOf("#k=") + 3));
    }

    @Test
    void guestsReadEachOtherButTheServerKeepsOnlyCiphertext(CapturedOutput output) throws Exception {
        String secret = "The surprise is at Anna's, 7pm, bring sparklers " + UUID.randomUUID();
        assertThat(send(grace, seal(roomKey, secret)).status()).isEqualTo(201);

        JsonNode history = api.get("/i/" + alan + "/chat/messages", null).json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("mine").asBoolean()).isFalse();
        assertThat(open(roomKey, history.get(0))).isEqualTo(Map.of("t", secret));
        assertThat(history.get(0).get("sender").asText()).as("the name comes from the server").isEqualTo("Grace");
        assertThat(api.get("/i/" + grace + "/chat/messages", null).json().get(0).get("mine").asBoolean()).isTrue();

        // a wrong key (another event's link) cannot read it
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decrypt(otherKey, history.get(0)))
                .isInstanceOf(javax.crypto.AEADBadTagException.class);

        try (var reader = new ActivityReader(TOPIC)) {
            var sent = reader.readUntil(all -> all.stream().anyMatch(this::myChat), Duration.ofSeconds(30))
                    .stream().filter(this::myChat).toList();
            assertThat(sent).hasSize(1);
            assertThat(sent.get(0).activity().aggregateId().toString()).isEqualTo(graceId);
            assertThat(sent.get(0).activity().payload().get("bytes").asInt()).isGreaterThan(secret.length());
            assertThat(sent.get(0).activity().payload().toString()).doesNotContain("surprise");
        }
        assertThat(tablesContaining(secret)).isEmpty();
        assertThat(tablesContaining("sparklers")).isEmpty();
        assertThat(output.getAll()).doesNotContain("sparklers");
    }

    @Test
    void messagesArriveLiveAndAReconnectGetsWhatItMissed() throws Exception {
        send(grace, seal(roomKey, "before anyone listened"));
        long first = api.get("/i/" + alan + "/chat/messages", null).json().get(0).get("id").asLong();

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/i/" + alan + "/chat/stream"))
                .header("Last-Event-ID", Long.toString(first)).GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Iterator<String> lines = stream.body().iterator();

        send(grace, seal(roomKey, "live one"));
        send(grace, seal(roomKey, "live two"));
        List<JsonNode> received = new java.util.ArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            while (received.size() < 2 && lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("data:")) {
                    try {
                        received.add(JSON.readTree(line.substring(5)));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        });
        reading.get(20, TimeUnit.SECONDS);
        stream.body().close();
        assertThat(received).extracting(m -> open(roomKey, m).get("t")).containsExactly("live one", "live two");
        assertThat(received.get(0).get("id").asLong()).isGreaterThan(first);
    }

    @Test
    void theServerRefusesWhatCannotBeAMessageAndBannedGuests() throws Exception {
        String iv = Base64.getEncoder().encodeToString(new byte[12]);
        assertThat(send(grace, "{\"iv\":\"AAAA\",\"ciphertext\":\"" + Base64.getEncoder()
                .encodeToString(new byte[40]) + "\"}").status()).isEqualTo(422);
        assertThat(send(grace, "{\"iv\":\"" + iv + "\",\"ciphertext\":\"not base64!\"}").status()).isEqualTo(422);
        assertThat(send(grace, "{\"iv\":\"" + iv + "\",\"ciphertext\":\"" + Base64.getEncoder()
                .encodeToString(new byte[8193]) + "\"}").status()).isEqualTo(422);
        assertThat(send("AAAAAAAAAAAAAAAAAAAAAA", seal(roomKey, "hi")).status()).isEqualTo(404);

        api.put("/api/v1/events/" + eventId + "/wall/bans/" + graceId, organizer, "");
        assertThat(send(grace, seal(roomKey, "still here?")).status()).isEqualTo(403);
        assertThat(send(alan, seal(roomKey, "I am")).status()).isEqualTo(201);

        api.put("/api/v1/events/" + eventId + "/guest-options", organizer,
                "{\"friendInvites\":0,\"wall\":true,\"chat\":false}");
        assertThat(send(alan, seal(roomKey, "hello?")).status()).isEqualTo(403);
        assertThat(api.get("/i/" + alan + "/chat/messages", null).status()).isEqualTo(403);
        assertThat(api.getAs("/i/" + alan, "test").body()).doesNotContain("id=\"chat\"");
    }

    private boolean myChat(ActivityReader.Message m) {
        return m.activity().type() == ActivityType.CHAT_MESSAGE_SENT
                && m.activity().partyEventId().toString().equals(eventId);
    }

    private Api.Response send(String token, String json) {
        return api.exchange("/i/" + token + "/chat/messages", r -> r.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** What guest.js does: AES-GCM over {"t": text} with a fresh 12-byte nonce. */
    private static String seal(byte[] key, String text) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(JSON.writeValueAsBytes(Map.of("t", text)));
        return JSON.writeValueAsString(Map.of("iv", Base64.getEncoder().encodeToString(iv),
                "ciphertext", Base64.getEncoder().encodeToString(sealed)));
    }

    private static Map<String, String> open(byte[] key, JsonNode message) {
        try {
            return decrypt(key, message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> decrypt(byte[] key, JsonNode message) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(128, Base64.getDecoder().decode(message.get("iv").asText())));
        return JSON.readValue(cipher.doFinal(Base64.getDecoder().decode(message.get("ciphertext").asText())),
                Map.class);
    }

    /** Every table of this test's schema whose rows, as text (bytea as hex), contain the words. */
    private List<String> tablesContaining(String words) {
        String hex = HexFormat.of().formatHex(words.getBytes(StandardCharsets.UTF_8));
        return jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                        + "AND table_type = 'BASE TABLE'")
                .query(String.class).list().stream()
                .filter(table -> jdbc.sql("SELECT count(*) FROM \"" + table + "\" t WHERE strpos(t::text, :words) > 0 "
                                + "OR strpos(t::text, :hex) > 0")
                        .param("words", words).param("hex", hex).query(Integer.class).single() > 0)
                .toList();
    }
}
