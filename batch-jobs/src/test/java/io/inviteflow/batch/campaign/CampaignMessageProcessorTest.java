package io.inviteflow.batch.campaign;

import io.inviteflow.batch.message.Outgoing;
import io.inviteflow.batch.push.PushTarget;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignMessageProcessorTest {

    private static final UUID CAMPAIGN = UUID.fromString("00000000-0000-0000-0000-00000000c0de");
    private final CampaignMessageProcessor processor = new CampaignMessageProcessor(new DueCampaign(CAMPAIGN,
            "{firstName}, come", "Dear {name}: {link}", Set.of("EMAIL", "PUSH"), null, 0, null,
            "{firstName}, please come", "Please, {name} <3: {link}", 0));

    @Test
    void eachPersonGetsTheVersionDrawnForThemWithTheirOwnWords() {
        Outgoing a = processor.process(recipient("A"));
        Outgoing b = processor.process(recipient("B"));

        assertThat(a.email().subject()).isEqualTo("Ada, come");
        assertThat(b.email().subject()).isEqualTo("Ada, please come");
        assertThat(b.email().textBody()).startsWith("Please, Ada <Lovelace> <3: https://x.test/i/tok/c/" + CAMPAIGN
                + "?via=email");
        // the HTML part escapes the template and the person's own fields alike
        assertThat(b.email().htmlBody()).contains("Please, Ada &lt;Lovelace&gt; &lt;3: <a href=")
                .contains("<img src=\"https://x.test/i/tok/c/" + CAMPAIGN + "/open.gif\"");
        assertThat(b.push().title()).isEqualTo("Ada, please come");
        assertThat(b.push().url()).isEqualTo("https://x.test/i/tok/c/" + CAMPAIGN + "?via=push");
        // one ledger identity per person and channel, whatever the version
        assertThat(a.email().kind()).isEqualTo(b.email().kind()).isEqualTo("campaign/" + CAMPAIGN + "/email");
    }

    @Test
    void aTextMessageCarriesTheCountedLinkAndTheWayOutEvenWhenTheMessageMustBeCut() {
        var bySms = new CampaignMessageProcessor(new DueCampaign(CAMPAIGN, "News", "Hi {firstName}: {link} "
                + "x".repeat(3000), Set.of("SMS"), null, 0, null, null, null, 0));

        Outgoing out = bySms.process(recipient("A"));

        assertThat(out.email()).isNull();
        assertThat(out.push()).isNull();
        assertThat(out.sms().to()).isEqualTo("+4915112345678");
        assertThat(out.sms().ledger().kind()).isEqualTo("campaign/" + CAMPAIGN + "/sms");
        assertThat(out.sms().body()).hasSize(1600)
                .startsWith("Hi Ada: https://x.test/i/tok/c/" + CAMPAIGN + "?via=sms x")
                .endsWith("x...\n\nNo more texts: https://x.test/i/tok/marketing/stop");
    }

    @Test
    void nobodyWithoutANumberIsTexted() {
        var bySms = new CampaignMessageProcessor(new DueCampaign(CAMPAIGN, "News", "Hi", Set.of("SMS"), null, 0,
                null, null, null, 0));
        var noPhone = new CampaignRecipient(UUID.randomUUID(), UUID.randomUUID(), "Gala", "Ada", "ada@example.org",
                "https://x.test/i/tok", List.of(), "A", null, null);

        assertThat(bySms.process(noPhone)).isNull();
    }

    private static CampaignRecipient recipient(String variant) {
        return new CampaignRecipient(UUID.randomUUID(), UUID.randomUUID(), "Gala", "Ada <Lovelace>",
                "ada@example.org", "https://x.test/i/tok",
                List.of(new PushTarget("https://push.test/1", "p256dh", "auth", "en")), variant, "+4915112345678",
                new MailTheme("#fdf2f8", "#ffffff", "#db2777", "#3b0764", "Georgia, serif", "\"Trebuchet MS\", sans-serif"));
    }

    @Test
    void theMailWearsTheInvitationsThemeAndNothingElseGetsIntoItsStyles() {
        String html = processor.process(recipient("A")).email().htmlBody();
        assertThat(html).contains("background:#fdf2f8").contains("border-top:6px solid #db2777")
                .contains("style=\"color:#db2777;font-weight:600\"").contains("font-family:Georgia, serif")
                .contains("font-family:'Trebuchet MS', sans-serif").contains("<h1").contains(">Gala</h1>");

        var hostile = new CampaignRecipient(UUID.randomUUID(), UUID.randomUUID(), "Gala", "Ada", "ada@example.org",
                "https://x.test/i/tok", List.of(), "A", null, new MailTheme("red;background:url(x)", "#fff",
                "#000\"><script>", "#111", "x;}</style>", "sans-serif"));
        String safe = processor.process(hostile).email().htmlBody();
        assertThat(safe).doesNotContain("url(x)").doesNotContain("<script>").doesNotContain("</style>")
                .contains("background:" + MailTheme.NEUTRAL.background())
                .contains("color:" + MailTheme.NEUTRAL.accent());
    }
}
