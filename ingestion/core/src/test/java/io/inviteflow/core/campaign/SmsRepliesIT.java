package io.inviteflow.core.campaign;

import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import io.inviteflow.localstack.twilio.TwilioStandIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a yes to texts must come from the phone too, a guest's yes on the invitation page counts for campaigns once
 * the number texts YES to the organizers' number (through the Twilio stand-in, as Twilio posts a text to the number's
 * webhook); a STOP texted back ends every organizer's texts to the number and START undoes it (not a stop given on a
 * page); HELP is answered; anything else, or a request Twilio did not sign, changes nothing.
 */
class SmsRepliesIT extends CoreIntegrationTest {

    private static final String ACCOUNT = "AC" + "0123456789abcdef".repeat(2);
    private static final String AUTH_TOKEN = "sms-replies-" + RUN;
    private static final String NUMBER = "+15005550006";
    private static final TwilioStandIn TWILIO = TwilioStandIn.start(0, ACCOUNT, AUTH_TOKEN, false);

    @DynamicPropertySource
    static void texts(DynamicPropertyRegistry registry) {
        registry.add("inviteflow.sms.auth-token", () -> AUTH_TOKEN);
        registry.add("inviteflow.sms.needs-confirmation", () -> "true");
        registry.add("inviteflow.sms.from", () -> NUMBER);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SmsConsents consents;

    @Test
    void aYesIsConfirmedFromThePhoneAndAStopTextedBackEndsEveryOrganizersTexts() throws Exception {
        Api api = new Api(port);
        String phone = "+49151" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        Guest hosts = invited(api, phone);
        Guest others = invited(api, phone);
        assertThat(api.postForm("/i/" + hosts + "/texts", "").status()).isEqualTo(200);
        assertThat(api.postForm("/i/" + others + "/texts", "").status()).isEqualTo(200);
        assertThat(page(api, hosts)).contains("text YES to " + NUMBER);
        assertThat(textable(hosts)).as("not before the phone confirms it").isFalse();

        assertThat(text(phone, "Yes, I'm coming!").twiml()).as("not a keyword: a guest's words")
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>");
        assertThat(textable(hosts)).isFalse();
        assertThat(text(phone, " Yes! ").twiml()).contains("<Message>Thank you");
        assertThat(textable(hosts)).isTrue();
        assertThat(textable(others)).isTrue();
        assertThat(page(api, hosts)).doesNotContain("text YES to");

        TwilioStandIn.Reply stopped = text(phone, "Stop");
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.twiml()).startsWith("<?xml").contains("no more texts");
        assertThat(textable(hosts)).isFalse();
        assertThat(textable(others)).as("every organizer's").isFalse();
        assertThat(page(api, hosts)).contains("Text me");

        assertThat(text(phone, "START").twiml()).contains("Thank you");
        assertThat(textable(hosts)).isTrue();
        assertThat(api.postForm("/i/" + hosts + "/texts/stop", "").status()).isEqualTo(200);
        assertThat(text(phone, "START").twiml()).contains("Thank you");
        assertThat(textable(hosts)).as("a stop given on the page is not undone by a text").isFalse();
        assertThat(textable(others)).isTrue();

        assertThat(text(phone, "help").twiml()).contains("Reply STOP");
        assertThat(text(phone, "See you there!").twiml()).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>");
        assertThat(text("+4915199999999", "YES").twiml()).contains("no yes to texts for this number");
        assertThat(textable(others)).isTrue();

        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(inbound())
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", "forged")
                .POST(HttpRequest.BodyPublishers.ofString("From=" + phone.replace("+", "%2B") + "&Body=STOP"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(textable(others)).as("a request Twilio did not sign changes nothing").isTrue();
    }

    private record Guest(String token, UUID invitation) {
        @Override
        public String toString() {
            return token;
        }
    }

    /** A new organizer's guest with this number. */
    private static Guest invited(Api api, String phone) {
        String organizer = api.newOrganizerToken();
        String event = api.newEvent(organizer, "Texts " + UUID.randomUUID());
        var invitation = api.post("/api/v1/events/" + event + "/invitations", organizer,
                "{\"guests\":[{\"name\":\"Ada\",\"phone\":\"%s\"}]}".formatted(phone)).json().at("/invitations/0");
        return new Guest(invitation.get("token").asText(), UUID.fromString(invitation.get("id").asText()));
    }

    private String page(Api api, Guest guest) {
        return api.getAs("/i/" + guest.token(), "test").body();
    }

    /** Whether a campaign's SMS channel reaches the guest. */
    private boolean textable(Guest guest) {
        return jdbc.sql("SELECT count(*) FROM invitation i WHERE i.id = :id AND " + consents.textableSql())
                .param("id", guest.invitation()).query(Long.class).single() == 1;
    }

    private TwilioStandIn.Reply text(String from, String body) {
        return TWILIO.text(inbound(), from, NUMBER, body);
    }

    private URI inbound() {
        return URI.create("http://localhost:" + port + "/webhooks/sms-inbound");
    }
}
