package io.inviteflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.inviteflow.testsupport.Chromium;
import io.inviteflow.testsupport.IsolatedStores;
import io.inviteflow.testsupport.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guest's side in a real browser on the real core: a phone answers with plus-ones and posts a photo on the
 * wall, a desktop guest and the phone exchange end-to-end encrypted chat messages, the invitation still shows
 * offline, and a German browser gets German. Screenshots of phone and desktop go to target/screenshots.
 */
class GuestBrowserIT {

    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final Path LOGS = Path.of("target", "e2e-logs");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static String core;

    @BeforeAll
    static void startCore() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        int port = ServiceProcess.freePort();
        core = "http://127.0.0.1:" + port;
        List<String> args = new ArrayList<>(new IsolatedStores("guests_" + RUN, "inviteflow.activity.guests-" + RUN)
                .arguments());
        args.addAll(io.inviteflow.testsupport.CoreUnderTest.ARGUMENTS);
        args.add("--server.port=" + port);
        args.add("--inviteflow.media.directory=" + root.resolve("e2e-tests/target/media-" + RUN));
        SERVICES.add(ServiceProcess.start("guest-core", root.resolve("ingestion/core/target/inviteflow-core-exec.jar"),
                LOGS, List.of("-Xmx512m"), args)
                .awaitHealthy(() -> ServiceProcess.httpOk(core + "/actuator/health"), Duration.ofMinutes(2)));
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServiceProcess service : SERVICES) {
            service.close();
        }
    }

    @Test
    void aPhoneAnswersPostsAndChatsWithADesktopGuest() throws Exception {
        String organizer = organizerToken();
        String eventId = Http.post(core + "/api/v1/events", organizer, """
                {"title":"Ada's 30th","startsAt":"2027-06-12T19:00:00+02:00","timeZone":"Europe/Berlin",
                 "template":"birthday","description":"Rooftop, drinks and cake.",
                 "venue":{"name":"Klunkerkranich","address":"Karl-Marx-Straße 66, Berlin","lat":52.4812,"lon":13.4345}}""")
                .json().get("id").asText();
        Http.put(core + "/api/v1/events/" + eventId + "/guest-options", organizer,
                "{\"friendInvites\":1,\"wall\":true,\"chat\":true}");
        JsonNode invited = Http.post(core + "/api/v1/events/" + eventId + "/invitations", organizer,
                "{\"guests\":[{\"name\":\"Grace\"},{\"name\":\"Alan\"}]}").json().get("invitations");
        String graceLink = invited.get(0).get("link").asText();
        String alanLink = invited.get(1).get("link").asText();
        Files.createDirectories(SCREENSHOTS);
        Path photo = photo();

        try (Chromium chromium = new Chromium();
             BrowserContext phone = chromium.browser.newContext(new Browser.NewContextOptions()
                     .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true)
                     .setLocale("en-US"));
             BrowserContext desktop = chromium.browser.newContext(new Browser.NewContextOptions()
                     .setViewportSize(1280, 900).setLocale("en-GB"))) {
            Page grace = phone.newPage();
            List<String> refused = Chromium.cspViolations(grace);
            grace.navigate(graceLink);
            assertThat(grace.locator("h1")).hasText("Ada's 30th");

            // answer with two plus-ones
            grace.getByLabel("Yes").check();
            grace.locator("#plusOnes").fill("2");
            grace.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Send my answer")).click();
            assertThat(grace.locator(".answer")).containsText("Your answer: Yes with 2 guests");

            // a wall post with a photo
            grace.locator("#wall-body").fill("Can't wait! Who brings the cake?");
            grace.locator("#wall-photo").setInputFiles(photo);
            grace.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Post")).click();
            assertThat(grace.locator("article.post").first()).containsText("Who brings the cake?");
            assertThat(grace.locator("article.post img").first()).isVisible();

            // the encrypted chat, live both ways (the key comes from the link's #fragment)
            Page alan = desktop.newPage();
            List<String> alanRefused = Chromium.cspViolations(alan);
            alan.navigate(alanLink);
            grace.navigate(graceLink);
            assertThat(grace.locator("#chat-status")).hasText("Connected.");
            assertThat(alan.locator("#chat-status")).hasText("Connected.");
            grace.locator("#chat-text").fill("Hello from the rooftop");
            grace.locator("#chat-text").press("Enter");
            assertThat(alan.locator("#chat-log")).containsText("Grace: Hello from the rooftop");
            alan.locator("#chat-text").fill("On my way, Grace");
            alan.locator("#chat-text").press("Enter");
            assertThat(grace.locator("#chat-log")).containsText("Alan: On my way, Grace");
            assertThat(grace.locator("#chat-log")).containsText("You: Hello from the rooftop");
            // what the server handed out is ciphertext: the history JSON does not contain the words
            assertThat(Http.get(alanLink.substring(0, alanLink.indexOf('#')) + "/chat/messages", null).body())
                    .doesNotContain("rooftop").doesNotContain("On my way");

            grace.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("guest-phone.png"))
                    .setFullPage(true));
            alan.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("guest-desktop.png"))
                    .setFullPage(true));

            // installed or not, the invitation stays readable offline (the service worker's copy)
            assertThat((Boolean) grace.evaluate("() => navigator.serviceWorker.ready.then(() => true)")).isTrue();
            grace.reload(); // now under the worker's control, which keeps this copy
            phone.setOffline(true);
            grace.reload();
            assertThat(grace.locator("h1")).hasText("Ada's 30th");
            phone.setOffline(false);
            // the guest page's Content-Security-Policy let everything the page does through
            org.assertj.core.api.Assertions.assertThat(refused).as("refused on the phone").isEmpty();
            org.assertj.core.api.Assertions.assertThat(alanRefused).as("refused on the desktop").isEmpty();
        }
    }

    @Test
    void aGermanBrowserGetsTheInvitationInGerman() {
        String organizer = organizerToken();
        String eventId = Http.post(core + "/api/v1/events", organizer, """
                {"title":"Sommerfest","startsAt":"2027-07-03T16:00:00+02:00","timeZone":"Europe/Berlin"}""")
                .json().get("id").asText();
        String link = Http.post(core + "/api/v1/events/" + eventId + "/invitations", organizer,
                "{\"guests\":[{\"name\":\"Lotte\"}]}").json().at("/invitations/0/link").asText();
        try (Chromium chromium = new Chromium();
             BrowserContext german = chromium.browser.newContext(new Browser.NewContextOptions()
                     .setViewportSize(820, 1180).setLocale("de-DE"))) {
            Page page = german.newPage();
            page.navigate(link);
            assertThat(page.locator("legend").first()).hasText("Kommst du?");
            assertThat(page.locator("time")).hasText("Samstag, 3. Juli 2027, 16:00");
            page.getByText("Français").click();
            assertThat(page.locator("legend").first()).hasText("Serez-vous des nôtres ?");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("guest-tablet-fr.png")));
        }
    }

    private static String organizerToken() {
        String email = "host-" + UUID.randomUUID() + "@example.org";
        Http.post(core + "/api/v1/organizers", null,
                "{\"email\":\"%s\",\"password\":\"lovelace-1815\",\"name\":\"Ada\"}".formatted(email));
        io.inviteflow.testsupport.AddressConfirmations.confirm(core, email, "lovelace-1815");
        return Http.post(core + "/api/v1/auth/token", null,
                "{\"email\":\"%s\",\"password\":\"lovelace-1815\"}".formatted(email)).json().get("accessToken")
                .asText();
    }

    private static Path photo() throws Exception {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0xff7e5f), 1200, 800, new Color(0x5b3cc4)));
        g.fillRect(0, 0, 1200, 800);
        g.dispose();
        Path file = Files.createTempFile("rooftop", ".jpg");
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }
}
