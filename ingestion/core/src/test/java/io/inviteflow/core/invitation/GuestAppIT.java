package io.inviteflow.core.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The invitation page as an app: languages, size, link previews, install manifest, offline worker, revocation. */
class GuestAppIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    Api api;
    String organizer;
    String eventId;
    String token;
    String invitationId;

    @BeforeEach
    void invitation() {
        api = new Api(port);
        organizer = api.newOrganizerToken();
        eventId = api.newEvent(organizer, "Ada's birthday");
        JsonNode invited = api.invite(organizer, eventId, "Grace").get(0);
        token = invited.get("token").asText();
        invitationId = invited.get("id").asText();
    }

    @Test
    void theLinkCarriesTheChatKeyInItsFragmentOnly() {
        JsonNode again = api.invite(organizer, eventId, "Alan", "Edsger");
        String first = again.get(0).get("link").asText();
        String second = again.get(1).get("link").asText();
        assertThat(first).matches("http://127\\.0\\.0\\.1:\\d+/i/[A-Za-z0-9_-]{22}#k=[A-Za-z0-9_-]{43}");
        // one room per event: every guest's link holds the same key
        assertThat(first.substring(first.indexOf('#'))).isEqualTo(second.substring(second.indexOf('#')));
        String otherEvent = api.newEvent(organizer, "Another party");
        String third = api.invite(organizer, otherEvent, "Alan").get(0).get("link").asText();
        assertThat(third.substring(third.indexOf('#'))).isNotEqualTo(first.substring(first.indexOf('#')));
    }

    @Test
    void thePageSpeaksTheGuestsLanguage() {
        var german = api.exchange("/i/" + token, r -> r.header("Accept-Language", "de-AT,de;q=0.9,en;q=0.5").GET());
        assertThat(german.body()).contains("<html lang=\"de\"").contains("Kommst du?")
                .contains("Samstag, 12. Juni 2027").contains("Mitteleuropäische").contains("Antwort senden");
        assertThat(german.raw().headers().firstValue("Content-Language")).contains("de");

        var spanish = api.exchange("/i/" + token, r -> r.header("Accept-Language", "es-MX").GET());
        assertThat(spanish.body()).contains("¿Vendrás?").contains("sábado, 12 de junio de 2027");

        var unknown = api.exchange("/i/" + token, r -> r.header("Accept-Language", "ja-JP, ;;q=x").GET());
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains("Will you come?");

        var picked = api.exchange("/i/" + token + "?lang=fr", r -> r.header("Accept-Language", "de").GET());
        assertThat(picked.body()).contains("Serez-vous des nôtres ?").contains("samedi 12 juin 2027")
                .contains("Ajouter à l&#39;agenda"); // MessageFormat's '' comes out as one (escaped) apostrophe
        String cookie = picked.raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("inviteflow-lang=fr").contains("HttpOnly");
        var remembered = api.exchange("/i/" + token + "?back=answer",
                r -> r.header("Accept-Language", "de").header("Cookie", "inviteflow-lang=fr").GET());
        assertThat(remembered.body()).contains("Serez-vous des nôtres ?");
    }

    @Test
    void whatToFixIsSaidInTheGuestsLanguageAndTheApiGivesItsCode() {
        var german = api.exchange("/i/" + token, r -> r.header("Accept-Language", "de")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("response=YES&plusOnes=5")));
        assertThat(german.status()).isEqualTo(422);
        assertThat(german.body()).contains("role=\"alert\">Du kannst bis zu 2 Personen mitbringen.</p>");
        var spanish = api.exchange("/i/" + token + "/friends", r -> r.header("Accept-Language", "es")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=Alan")));
        assertThat(spanish.status()).isEqualTo(403);
        assertThat(spanish.body()).contains("El anfitrión no permite que los invitados inviten a amigos");

        var api422 = api.post("/api/v1/invitations/" + token + "/rsvp", null, "{\"response\":\"YES\",\"plusOnes\":5}");
        assertThat(api422.json().get("code").asText()).isEqualTo("plusOnesCap");
        assertThat(api422.json().get("args").get(0).asInt()).isEqualTo(2);
        assertThat(api422.json().get("detail").asText()).isEqualTo("you may bring up to 2 guests");
    }

    @Test
    void thePageIsSmallAndTellsLinkPreviewsWhatItIs() {
        var page = api.getAs("/i/" + token, "test");
        assertThat(page.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(100 * 1024);
        assertThat(page.body()).contains("<meta property=\"og:title\" content=\"Ada&#39;s birthday\">")
                .contains("<meta name=\"twitter:card\" content=\"summary\">")
                .contains("<link rel=\"manifest\" href=\"/i/" + token + "/manifest.webmanifest\">")
                .containsPattern("<script src=\"/guest/guest\\.js\\?v=[0-9a-f]{12}\" defer></script>");
        assertThat(page.raw().headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void itInstallsAsAnAppThatOpensOnTheGuestsOwnPage() {
        var manifest = api.get("/i/" + token + "/manifest.webmanifest", null);
        assertThat(manifest.contentType()).startsWith("application/manifest+json");
        assertThat(manifest.json().get("name").asText()).isEqualTo("Ada's birthday");
        assertThat(manifest.json().get("start_url").asText()).isEqualTo("/i/" + token);
        assertThat(manifest.json().get("display").asText()).isEqualTo("standalone");
        assertThat(manifest.json().get("icons")).hasSize(3);
        for (JsonNode icon : manifest.json().get("icons")) {
            assertThat(api.get(icon.get("src").asText(), null).status()).isEqualTo(200);
        }
        var worker = api.get("/i/sw.js", null);
        assertThat(worker.status()).isEqualTo(200);
        assertThat(worker.contentType()).startsWith("text/javascript");
        assertThat(worker.body()).contains("addEventListener('fetch'");
        var script = api.get(scriptUrl(), null);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.raw().headers().firstValue("Cache-Control").orElse("")).contains("max-age=604800");
    }

    @Test
    void aRevokedLinkOpensNothingAndLooksLikeAForgedOne() {
        assertThat(api.post("/api/v1/events/" + eventId + "/invitations/" + invitationId + "/revoke",
                api.newOrganizerToken(), "").status()).isEqualTo(404); // not another organizer's to revoke
        assertThat(api.post("/api/v1/events/" + eventId + "/invitations/" + invitationId + "/revoke", organizer, "")
                .status()).isEqualTo(204);
        String forged = "AAAAAAAAAAAAAAAAAAAAAA";
        for (String path : new String[]{"", "/manifest.webmanifest", "/calendar.ics", "/chat/messages"}) {
            var revoked = api.get("/i/" + token + path, null);
            var unknown = api.get("/i/" + forged + path, null);
            assertThat(revoked.status()).as(path).isEqualTo(404);
            assertThat(unknown.status()).as(path).isEqualTo(404);
            assertThat(revoked.json().get("detail")).as(path).isEqualTo(unknown.json().get("detail"));
        }
        assertThat(api.post("/api/v1/invitations/" + token + "/rsvp", null, "{\"response\":\"YES\"}").status())
                .isEqualTo(404);
    }

    private String scriptUrl() {
        String page = api.getAs("/i/" + token + "?back=answer", "test").body();
        int start = page.indexOf("/guest/guest.js?v=");
        return page.substring(start, page.indexOf('"', start));
    }
}
