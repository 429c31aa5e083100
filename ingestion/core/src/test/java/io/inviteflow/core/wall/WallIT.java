package io.inviteflow.core.wall;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.core.media.TestImages;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import io.inviteflow.testsupport.ActivityReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The wall: only invited guests post, comment and react; what they write is shown as text; the organizer moderates. */
class WallIT extends CoreIntegrationTest {

    /** Script and markup that must come out as text (after the OWASP XSS filter evasion cheat sheet's classics). */
    private static final List<String> XSS = List.of(
            "<script>alert('xss')</script>",
            "\"><img src=x onerror=alert(1)>",
            "<svg/onload=alert(1)>",
            "<a href=\"javascript:alert(1)\">click</a>",
            "'';!--\"<XSS>=&{()}",
            "<iframe src=//evil.example></iframe>",
            "<body onload=alert(1)>",
            "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">");

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

    @BeforeEach
    void twoGuests() {
        api = new Api(port);
        organizer = api.newOrganizerToken();
        eventId = api.newEvent(organizer, "Garden party");
        JsonNode invited = api.invite(organizer, eventId, "Grace", "Alan");
        grace = invited.get(0).get("token").asText();
        graceId = invited.get(0).get("id").asText();
        alan = invited.get(1).get("token").asText();
    }

    @Test
    void guestsPostCommentAndReactAndEveryoneInvitedSeesIt() {
        var posted = post(grace, "Can't wait! Who brings the cake?");
        assertThat(posted.status()).isEqualTo(303);
        assertThat(posted.raw().headers().firstValue("Location")).contains("/i/" + grace + "?back=wall#wall");
        String postId = postIds(page(alan)).get(0);

        assertThat(api.postForm("/i/" + alan + "/wall/" + postId + "/comments", "body=I+do").status()).isEqualTo(303);
        assertThat(api.postForm("/i/" + alan + "/wall/" + postId + "/reactions", "reaction=heart").status())
                .isEqualTo(303);
        assertThat(api.postForm("/i/" + grace + "/wall/" + postId + "/reactions", "reaction=heart").status())
                .isEqualTo(303);
        String seenByGrace = page(grace);
        assertThat(seenByGrace).contains("Can&#39;t wait! Who brings the cake?").contains("<strong>Alan</strong> I do")
                .contains("value=\"heart\" aria-pressed=\"true\" aria-label=\"Love (2)\"");
        // reacting again takes the reaction back
        api.postForm("/i/" + grace + "/wall/" + postId + "/reactions", "reaction=heart");
        assertThat(page(grace)).contains("value=\"heart\" aria-pressed=\"false\" aria-label=\"Love (1)\"");

        assertThat(api.postForm("/i/" + grace + "/wall/" + postId + "/reactions", "reaction=angry").status())
                .isEqualTo(422);
        assertThat(api.postForm("/i/" + grace + "/wall", "body=").status()).isEqualTo(422);
        assertThat(api.postForm("/i/" + grace + "/wall", "body=" + "x".repeat(2001)).status()).isEqualTo(422);
        assertThat(api.postForm("/i/AAAAAAAAAAAAAAAAAAAAAA/wall", "body=hello").status()).isEqualTo(404);

        // a guest of another event cannot reach this event's posts
        String otherEvent = api.newEvent(organizer, "Other");
        String stranger = api.invite(organizer, otherEvent, "Eve").get(0).get("token").asText();
        assertThat(api.postForm("/i/" + stranger + "/wall/" + postId + "/comments", "body=hi").status())
                .isEqualTo(404);
        assertThat(page(stranger)).doesNotContain("Who brings the cake");

        try (var reader = new ActivityReader(TOPIC)) {
            var mine = reader.readUntil(all -> ofEvent(all).size() >= 5, Duration.ofSeconds(30));
            assertThat(ofEvent(mine).stream().map(m -> m.activity().type()))
                    .contains(ActivityType.WALL_POSTED, ActivityType.WALL_COMMENTED, ActivityType.WALL_REACTED);
            assertThat(ofEvent(mine).stream().map(m -> m.activity().payload().toString()))
                    .noneMatch(p -> p.contains("cake")); // what guests write stays in the core
        }
    }

    @Test
    void scriptAndMarkupInPostsAndCommentsComeOutAsText() {
        for (String attack : XSS) {
            assertThat(post(grace, attack).status()).isEqualTo(303);
        }
        String postId = postIds(page(grace)).get(0);
        for (String attack : XSS) {
            api.postForm("/i/" + alan + "/wall/" + postId + "/comments",
                    "body=" + URLEncoder.encode(attack, StandardCharsets.UTF_8));
        }
        String page = page(alan);
        String wall = page.substring(page.indexOf("id=\"wall\""));
        assertThat(wall).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<svg")
                .doesNotContain("<iframe").doesNotContain("<body").doesNotContain("<a href=\"javascript")
                .doesNotContain("<XSS>").doesNotContain("<IMG");
        assertThat(wall).contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;")
                .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        // kept as written (sealed: SealedGuestTextIT): escaping happens when shown
        assertThat(api.get("/api/v1/events/" + eventId + "/wall", organizer).json().findValuesAsText("body"))
                .contains(XSS.get(0));
    }

    @Test
    void aPhotoIsCheckedByItsBytesNotItsName() throws Exception {
        var photo = api.wallPost(grace, "Here is the garden", "garden.pdf", TestImages.photo(1600, 1200, "jpg"));
        assertThat(photo.status()).isEqualTo(303);
        Matcher img = Pattern.compile("<img src=\"(http[^\"]+/media/[^\"]+)\" alt=\"Photo by Grace\"")
                .matcher(page(alan));
        assertThat(img.find()).isTrue();
        var served = api.get(URI.create(img.group(1)).getPath(), null);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).isEqualTo("image/jpeg");
        // only a re-encoded copy is kept (no camera metadata, no GPS): the original's content address serves nothing
        String original = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(TestImages.photo(1600, 1200, "jpg")));
        assertThat(api.get("/media/" + original + ".jpg", null).status()).isEqualTo(404);

        int before = posts();
        var fake = api.wallPost(grace, "not a photo", "photo.png", "%PDF-1.7 not an image".getBytes(StandardCharsets.UTF_8));
        assertThat(fake.status()).isEqualTo(415);
        assertThat(fake.body()).contains("role=\"alert\"").contains("only JPEG, PNG and GIF images");
        assertThat(posts()).isEqualTo(before); // nothing half-written
    }

    @Test
    void theOrganizerHidesDeletesAndBans() {
        post(grace, "Buy cheap watches at spam.example");
        post(alan, "See you there");
        String spamId = null;
        for (JsonNode p : api.get("/api/v1/events/" + eventId + "/wall", organizer).json()) {
            if (p.get("body").asText().contains("spam")) {
                spamId = p.get("id").asText();
            }
        }
        assertThat(spamId).isNotNull();
        String otherOrganizer = api.newOrganizerToken();
        assertThat(api.post("/api/v1/events/" + eventId + "/wall/posts/" + spamId + "/hide", otherOrganizer, "")
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/events/" + eventId + "/wall", otherOrganizer).status()).isEqualTo(404);

        assertThat(api.post("/api/v1/events/" + eventId + "/wall/posts/" + spamId + "/hide", organizer, "").status())
                .isEqualTo(204);
        assertThat(page(alan)).doesNotContain("spam.example").contains("See you there");
        assertThat(api.get("/api/v1/events/" + eventId + "/wall", organizer).body()).contains("spam.example");
        assertThat(api.postForm("/i/" + alan + "/wall/" + spamId + "/comments", "body=lol").status()).isEqualTo(404);

        assertThat(api.put("/api/v1/events/" + eventId + "/wall/bans/" + graceId, organizer, "").status())
                .isEqualTo(204);
        var banned = post(grace, "let me back in");
        assertThat(banned.status()).isEqualTo(403);
        assertThat(banned.body()).contains("role=\"alert\">The host has closed the wall and the chat to you.");
        assertThat(page(grace)).contains("The host has closed the wall and the chat to you.")
                .doesNotContain("action=\"/i/" + grace + "/wall\"");
        assertThat(api.put("/api/v1/events/" + eventId + "/wall/bans/" + UUID.randomUUID(), organizer, "").status())
                .isEqualTo(404);

        assertThat(api.delete("/api/v1/events/" + eventId + "/wall/bans/" + graceId, organizer).status())
                .isEqualTo(204);
        assertThat(post(grace, "sorry").status()).isEqualTo(303);
        assertThat(api.delete("/api/v1/events/" + eventId + "/wall/posts/" + spamId, organizer).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/events/" + eventId + "/wall", organizer).body()).doesNotContain("spam.example");

        api.put("/api/v1/events/" + eventId + "/guest-options", organizer,
                "{\"friendInvites\":0,\"wall\":false,\"chat\":true}");
        assertThat(page(alan)).doesNotContain("id=\"wall\"");
        assertThat(post(alan, "anyone?").status()).isEqualTo(403);
    }

    private String page(String token) {
        return api.getAs("/i/" + token + "?back=wall", "test").body();
    }

    private Api.Response post(String token, String body) {
        return api.postForm("/i/" + token + "/wall", "body=" + URLEncoder.encode(body, StandardCharsets.UTF_8));
    }

    private int posts() {
        return jdbc.sql("SELECT count(*) FROM wall_post WHERE party_event_id = :e").param("e", UUID.fromString(eventId))
                .query(Integer.class).single();
    }

    private static List<String> postIds(String page) {
        Matcher m = Pattern.compile("id=\"post-([0-9a-f-]{36})\"").matcher(page);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private List<ActivityReader.Message> ofEvent(List<ActivityReader.Message> all) {
        return all.stream().filter(m -> m.activity().partyEventId().toString().equals(eventId)
                && m.activity().type().name().startsWith("WALL_")).toList();
    }
}
