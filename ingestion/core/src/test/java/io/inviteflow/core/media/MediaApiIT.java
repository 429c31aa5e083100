package io.inviteflow.core.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Media on the default store (a local folder). */
class MediaApiIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    Api api;
    String token;
    String eventId;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        token = api.newOrganizerToken();
        eventId = api.newEvent(token, "Photo party");
    }

    @Test
    void aPhotoGetsPhoneSizesAtContentHashUrlsThatCachesMayKeep() throws Exception {
        byte[] photo = TestImages.photo(2000, 1500, "jpg");
        Api.Response uploaded = api.upload("/api/v1/events/" + eventId + "/media", token, "cake.jpg", photo);

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        JsonNode media = uploaded.json();
        assertThat(media.get("kind").asText()).isEqualTo("IMAGE");
        assertThat(media.get("width").asInt()).isEqualTo(2000);
        assertThat(media.get("url").asText()).matches(".*/media/[0-9a-f]{64}\\.jpg");
        assertThat(media.get("variants")).extracting(v -> v.get("width").asInt()).containsExactly(320, 640, 1280);
        for (JsonNode variant : media.get("variants")) {
            HttpResponse<byte[]> image = get(variant.get("url").asText(), null, null);
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(TestImages.widthOf(image.body())).isEqualTo(variant.get("width").asInt());
        }

        HttpResponse<byte[]> original = get(media.get("url").asText(), null, null);
        assertThat(original.body()).isEqualTo(photo);
        assertThat(original.headers().firstValue("Cache-Control")).hasValueSatisfying(
                c -> assertThat(c).contains("max-age=31536000").contains("public").contains("immutable"));
        String etag = original.headers().firstValue("ETag").orElseThrow();
        assertThat(get(media.get("url").asText(), null, etag).statusCode()).isEqualTo(304);
        assertThat(api.get("/api/v1/events/" + eventId + "/media", token).json()).hasSize(1);
    }

    @Test
    void aVideoIsServedInRangesForSeeking() throws Exception {
        byte[] video = new byte[300_000];
        new java.util.Random(7).nextBytes(video);
        System.arraycopy(new byte[]{0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, 0, video, 0, 12);
        JsonNode media = api.upload("/api/v1/events/" + eventId + "/media", token, "clip.mp4", video).json();
        String url = media.get("url").asText();

        HttpResponse<byte[]> part = get(url, "bytes=1000-1999", null);
        HttpResponse<byte[]> tail = get(url, "bytes=-500", null);
        HttpResponse<byte[]> beyond = get(url, "bytes=400000-", null);

        assertThat(media.get("kind").asText()).isEqualTo("VIDEO");
        assertThat(media.get("contentType").asText()).isEqualTo("video/mp4");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/300000");
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(video, 1000, 2000));
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(video, 299_500, 300_000));
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */300000");
    }

    @Test
    void whatIsNotMediaOrTooLargeIsRefusedAndNothingIsKept() {
        Api.Response text = api.upload("/api/v1/events/" + eventId + "/media", token, "photo.jpg",
                "not a picture".getBytes());
        byte[] broken = new byte[2000];
        broken[0] = (byte) 0xFF;
        broken[1] = (byte) 0xD8;
        broken[2] = (byte) 0xFF;
        Api.Response damaged = api.upload("/api/v1/events/" + eventId + "/media", token, "broken.jpg", broken);
        byte[] huge = Arrays.copyOf(TestImages.photo(10, 10, "png"), 16 * 1024 * 1024);
        Api.Response tooLarge = api.upload("/api/v1/events/" + eventId + "/media", token, "huge.png", huge);
        Api.Response stranger = api.upload("/api/v1/events/" + eventId + "/media", api.newOrganizerToken(),
                "cake.png", TestImages.photo(50, 50, "png"));

        assertThat(text.status()).isEqualTo(415);
        assertThat(text.contentType()).startsWith("application/problem+json");
        assertThat(damaged.status()).isEqualTo(422);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/events/" + eventId + "/media", token).json()).isEmpty();
        assertThat(api.get("/media/../../etc/passwd", null).status()).isIn(400, 404);
    }

    /** Media URLs carry the configured public address; the test server listens on a random port. */
    private HttpResponse<byte[]> get(String url, String range, String ifNoneMatch) throws Exception {
        var local = URI.create("http://127.0.0.1:" + port + URI.create(url).getPath());
        var request = HttpRequest.newBuilder(local).GET();
        if (range != null) {
            request.header("Range", range);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
