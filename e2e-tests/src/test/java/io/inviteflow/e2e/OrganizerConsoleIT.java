package io.inviteflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonParser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.inviteflow.testsupport.Chromium;
import io.inviteflow.localstack.stripe.StripeStandIn;
import io.inviteflow.testsupport.IsolatedStores;
import io.inviteflow.testsupport.PrintedTickets;
import io.inviteflow.testsupport.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organizer's path in a real browser, on the real core and console: import contacts (and see the rejected rows),
 * open an event's guest list, see the waitlist, add a question, export the list as CSV.
 */
class OrganizerConsoleIT {

    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final Path LOGS = Path.of("target", "e2e-logs");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);
    private static final String STRIPE_SECRET = "whsec_e2e_" + RUN;
    /** The Stripe stand-in (not Stripe) the core takes payments with; its journal is the gateway's log. */
    private static final StripeStandIn STRIPE = StripeStandIn.start(0, null, STRIPE_SECRET);
    private static String core;
    private static String console;
    private static String batchJobs;
    /** The organizer of the first test also administers this installation (the console's job history). */
    private static final String ADMIN = "ada-" + RUN + "@example.org";

    @BeforeAll
    static void startCoreAndConsole() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        int corePort = ServiceProcess.freePort();
        int consolePort = ServiceProcess.freePort();
        core = "http://127.0.0.1:" + corePort;
        console = "http://127.0.0.1:" + consolePort;
        List<String> coreArgs = new ArrayList<>(new IsolatedStores("organizer_" + RUN, "inviteflow.activity.organizer-"
                + RUN).arguments());
        // Ada administers this installation: the core grants the role, the console takes it from the core
        coreArgs.addAll(io.inviteflow.testsupport.CoreUnderTest.ARGUMENTS.stream()
                .filter(a -> !a.startsWith("--inviteflow.security.admins=")).toList());
        coreArgs.add("--inviteflow.security.admins=" + ADMIN);
        coreArgs.add("--server.port=" + corePort);
        coreArgs.add("--inviteflow.console-url=" + console); // team invitations link to its join page
        // browsers make passkeys for a domain, never for an IP address: the passkey test browses the console there
        coreArgs.add("--inviteflow.passkeys.origins=" + consoleByName());
        coreArgs.add("--inviteflow.payments.stripe.api-base=" + STRIPE.baseUrl());
        coreArgs.add("--inviteflow.payments.stripe.webhook-secret=" + STRIPE_SECRET);
        coreArgs.add("--inviteflow.payments.paypal.client-id="); // no PayPal stand-in here: card payments only
        STRIPE.sendWebhooksTo(core + "/webhooks/stripe");
        coreArgs.add("--inviteflow.media.directory=" + root.resolve("e2e-tests/target/media-" + RUN));
        SERVICES.add(ServiceProcess.start("organizer-core", root.resolve("ingestion/core/target/inviteflow-core-exec.jar"),
                LOGS, List.of("-Xmx512m"), coreArgs)
                .awaitHealthy(() -> ServiceProcess.httpOk(core + "/actuator/health"), Duration.ofMinutes(2)));
        // batch-jobs for the console's campaign previews and test mails; its schedules never fire here
        int batchPort = ServiceProcess.freePort();
        batchJobs = "http://127.0.0.1:" + batchPort;
        List<String> batchArgs = new ArrayList<>(new IsolatedStores("organizer_batch_" + RUN,
                "inviteflow.activity.organizer-" + RUN).arguments());
        batchArgs.addAll(List.of("--server.port=" + batchPort, "--inviteflow.core.url=" + core,
                "--inviteflow.reminders.cron=0 0 0 1 1 ? 2099", "--inviteflow.schedules.cron=0 0 0 1 1 ? 2099",
                "--inviteflow.campaigns.cron=0 0 0 1 1 ? 2099"));
        SERVICES.add(ServiceProcess.start("organizer-batch-jobs",
                root.resolve("batch-jobs/target/inviteflow-batch-jobs.jar"), LOGS, List.of("-Xmx384m"), batchArgs)
                .awaitHealthy(() -> ServiceProcess.httpOk("http://127.0.0.1:" + batchPort + "/actuator/health"),
                        Duration.ofMinutes(2)));
        SERVICES.add(ServiceProcess.start("organizer-console",
                root.resolve("admin-console/target/inviteflow-admin-console.jar"), LOGS, List.of("-Xmx512m"),
                List.of("--server.port=" + consolePort, "--inviteflow.core.url=" + core,
                        "--inviteflow.batch.url=http://127.0.0.1:" + batchPort,
                        "--inviteflow.clickhouse.database=default"))
                .awaitHealthy(() -> ServiceProcess.httpOk(console + "/actuator/health"), Duration.ofMinutes(2)));
    }

    @AfterAll
    static void stop() throws Exception {
        for (int i = SERVICES.size() - 1; i >= 0; i--) {
            SERVICES.get(i).close();
        }
        STRIPE.close();
    }

    @Test
    void sellTicketsFollowTheSaleLetTheBuyerInAtTheDoorAndRefund() throws Exception {
        String email = ADMIN;
        String token = signUpAndIn(email, "lovelace-1815", "Ada");
        String eventId = post("/api/v1/events", token, """
                {"title":"Analytical gala","startsAt":"2027-09-10T19:00:00+02:00","timeZone":"Europe/Berlin"}""")
                .get("id").asText();
        String guest = post("/api/v1/events/" + eventId + "/invitations", token,
                "{\"guests\":[{\"name\":\"Charles\"}]}").at("/invitations/0/token").asText();

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage(new com.microsoft.playwright.Browser.NewPageOptions()
                    .setViewportSize(1280, 1600));
            signIn(page, email, "lovelace-1815");
            assertThat(cell(page, "Analytical gala")).isVisible();

            // set the sale up: EUR with 19 % VAT, one tier
            page.navigate(console + "/events/" + eventId + "/tickets");
            page.getByLabel("VAT included in prices (%)", EXACT).fill("19");
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Start selling tickets")).click();
            assertThat(page.getByText("Saved.")).isVisible();
            page.getByLabel("New tier", EXACT).fill("Gala seat");
            page.getByLabel("Price", EXACT).fill("25");
            page.getByLabel("Quantity", EXACT).fill("10");
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Add tier")).click();
            assertThat(page.getByText("Tier added: on sale now.")).isVisible();
            page.getByLabel("New item", EXACT).fill("Gala scarf");
            page.getByLabel("Stock", EXACT).fill("5");
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Add item")).click();
            assertThat(page.getByText("Item added: a tier can now include it.")).isVisible();
            assertThat(cell(page, "Gala scarf")).isVisible();

            // a guest buys two on their invitation page's forms; the console's figures follow by themselves
            String tier = get("/api/v1/events/" + eventId + "/ticket-tiers", token).at("/0/id").asText();
            assertThat(Http.postForm(core + "/i/" + guest + "/tickets", "qty-" + tier
                    + "=2&name=Charles+Babbage&email=charles%40example.org").status()).isEqualTo(303);
            String orderId = get("/api/v1/events/" + eventId + "/orders", token).at("/0/id").asText();
            assertThat(Http.postForm(core + "/i/" + guest + "/orders/" + orderId + "/pay",
                    "paymentMethod=pm_card_visa").status()).isEqualTo(303);
            assertThat(page.getByText("2 tickets sold, €50.00 in ticket revenue.")).isVisible(
                    new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(15_000));

            // a scanner link for the door, opened like a staff member's phone would, lets one of the tickets in once
            page.getByLabel("New scanner", EXACT).fill("Door A");
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Make scanner link")).click();
            String scanner = page.locator("a[href*='/checkin/']").getAttribute("href");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots",
                    "console-tickets.png")).setFullPage(true));
            byte[] pdf = HTTP.send(HttpRequest.newBuilder(URI.create(core + "/i/" + guest + "/orders/" + orderId
                    + "/tickets.pdf")).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            List<String> codes = PrintedTickets.read(pdf).codes();
            assertThat(codes).hasSize(2);
            Page door = chromium.browser.newPage(new com.microsoft.playwright.Browser.NewPageOptions()
                    .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
            door.navigate(scanner);
            door.locator("#code").fill(codes.get(0));
            door.locator("#code").press("Enter");
            assertThat(door.locator("#verdict")).containsText("Welcome in");
            assertThat(door.locator("#verdict")).containsText("Charles Babbage");
            door.waitForTimeout(3100); // the page ignores the same code read again within 3 s (a camera sees it often)
            door.locator("#code").fill(codes.get(0));
            door.locator("#code").press("Enter");
            assertThat(door.locator("#verdict")).containsText("Already used");
            door.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots",
                    "door-scanner.png")));
            assertThat(page.getByText("Checked in: 1 of 2 valid tickets.")).isVisible(
                    new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(15_000));

            // a full refund from the console, once, whatever the clicks
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Refund…")).first().click();
            page.locator("vaadin-dialog-overlay vaadin-button", new Page.LocatorOptions().setHasText("Refund"))
                    .last().click();
            assertThat(page.getByText("Refunded Charles Babbage.")).isVisible();
            assertThat(cell(page, "REFUNDED")).isVisible();
            assertThat(STRIPE.server().getAllServeEvents().stream()
                    .filter(e -> e.getRequest().getUrl().equals("/v1/refunds"))
                    .map(e -> e.getRequest().getHeader("Idempotency-Key")))
                    .singleElement().satisfies(key -> assertThat(key).startsWith("refund-" + orderId + "-console-"));
            door.locator("#code").fill(codes.get(1));
            door.locator("#code").press("Enter");
            assertThat(door.locator("#verdict")).containsText("Refunded: not valid");

            // a reminder two hours before, as a notification only
            page.navigate(console + "/events/" + eventId + "/reminders");
            page.getByLabel("How long", EXACT).fill("2");
            page.getByLabel("Unit", EXACT).click();
            page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("hours")).click();
            page.locator("vaadin-checkbox", new Page.LocatorOptions().setHasText("Email")).click();
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Add")).first().click();
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Save schedule")).click();
            assertThat(page.getByText("Saved: 1 reminder.")).isVisible();
            assertThat(cell(page, "2 hours before the event")).isVisible();
            JsonNode rules = get("/api/v1/events/" + eventId + "/reminder-rules", token);
            assertThat(rules.toString()).contains("\"kind\":\"BEFORE_EVENT\"", "\"offset\":\"PT2H\"",
                    "\"channels\":[\"PUSH\"]");

            // a campaign to the gala's guests: the audience is counted as the segment is built (Charles has no address)
            post("/api/v1/events/" + eventId + "/invitations", token,
                    "{\"guests\":[{\"name\":\"Mary\",\"email\":\"mary-" + RUN + "@example.org\"}]}");
            page.navigate(console + "/campaigns");
            page.getByLabel("Guests of", EXACT).click();
            page.getByLabel("Guests of", EXACT).fill("Analytical");
            page.locator("vaadin-multi-select-combo-box-item", new Page.LocatorOptions().setHasText("Analytical gala"))
                    .click();
            page.keyboard().press("Escape");
            assertThat(page.getByText("Reaches 1 person.")).isVisible();
            page.getByLabel("Name (for you)", EXACT).fill("Gala news");
            page.getByLabel("Subject", EXACT).fill("{firstName}, the gala is near");
            // seen as the guests will get it, made by batch-jobs' sending code; then a test to the organizer
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Preview")).click();
            assertThat(page.getByText("As Ada Lovelace will get it")).isVisible();
            assertThat(page.getByText("Ada, the gala is near")).isVisible();
            page.locator("vaadin-dialog-overlay vaadin-button", new Page.LocatorOptions().setHasText("Close")).click();
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Send a test to me")).click();
            assertThat(page.getByText(java.util.regex.Pattern.compile("A test mail went to .*@example.org")))
                    .isVisible();
            // weekly for three weeks: the core makes each next one when the one before was sent
            page.getByLabel("Repeat", EXACT).click();
            page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("Every week")).click();
            java.time.LocalDate until = java.time.LocalDate.now().plusDays(20);
            page.getByLabel("Last time on or before", EXACT).fill(until.getMonthValue() + "/" + until.getDayOfMonth()
                    + "/" + until.getYear());
            page.getByLabel("Last time on or before", EXACT).press("Enter");
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Schedule")).click();
            assertThat(page.getByText("Scheduled: Gala news, going out now.")).isVisible();
            assertThat(cell(page, "Gala news")).isVisible();
            // the new campaign is selected: its results follow it live (sending starts at the next launch)
            assertThat(page.getByText("Results of Gala news")).isVisible();
            assertThat(page.getByText(java.util.regex.Pattern.compile(
                    "Not going out yet|Reached [01] of 1 people"))).isVisible();
            JsonNode scheduled = get("/api/v1/campaigns", token).get(0);
            assertThat(scheduled.get("status").asText()).isEqualTo("SCHEDULED");
            assertThat(scheduled.at("/repeat/every").asText()).isEqualTo("WEEK");
            assertThat(scheduled.at("/repeat/until").asText()).isEqualTo(until.toString());

            // the calendar: the campaign today and its coming weeks; the gala in September with its reminder
            java.time.LocalDate nextWeek = java.time.LocalDate.now().plusDays(7);
            page.navigate(console + "/calendar?month=" + java.time.YearMonth.from(nextWeek));
            assertThat(page.locator("[data-day='" + nextWeek + "']")).containsText("Gala news");
            page.navigate(console + "/calendar?month=2027-09");
            assertThat(page.getByText("September 2027")).isVisible();
            assertThat(page.locator("[data-day='2027-09-10']")).containsText("Analytical gala");
            assertThat(page.getByText("Analytical gala: 2 hours before")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "calendar.png")));

            // an admin sees every batch job's runs: here a reminder run of the gala, launched through batch-jobs' API
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(batchJobs + "/api/v1/jobs/reminders/run?eventId="
                    + eventId)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers
                    .ofString()).statusCode()).isEqualTo(200);
            page.locator("a", new Page.LocatorOptions().setHasText("Jobs")).click();
            assertThat(page.getByText("Batch job runs")).isVisible();
            assertThat(cell(page, "unansweredReminderJob")).isVisible();
            assertThat(cell(page, "COMPLETED")).isVisible();
        }
    }

    /**
     * The owner invites a co-organizer from the event's Team dialog; the mailed link leads the invitee, signed in with
     * an account of another address, to the join page; joined, they find the event beside their own and its guests.
     */
    @Test
    void aCoOrganizerJoinsFromTheMailedLinkAndWorksOnTheSharedEvent() throws Exception {
        String owner = "linus-" + RUN + "@example.org";
        String token = signUpAndIn(owner, "torvalds-1969", "Linus");
        String eventId = post("/api/v1/events", token, """
                {"title":"Shared supper","startsAt":"2027-05-20T19:00:00+02:00","timeZone":"Europe/Berlin"}""")
                .get("id").asText();
        post("/api/v1/events/" + eventId + "/invitations", token, "{\"guests\":[{\"name\":\"Edsger\"}]}");
        String mailbox = "tove-" + RUN + "@example.org";
        String partner = "tove-work-" + RUN + "@example.org"; // signs in with another address than the one invited
        post("/api/v1/organizers", null, "{\"email\":\"%s\",\"password\":\"jansson-1914\",\"name\":\"Tove\"}"
                .formatted(partner));
        io.inviteflow.testsupport.AddressConfirmations.confirm(core, partner, "jansson-1914");

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            signIn(page, owner, "torvalds-1969");
            assertThat(cell(page, "Shared supper")).isVisible();
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Team")).click();
            page.locator("#team-invite-address input").fill(mailbox);
            page.locator("#team-invite").click();
            assertThat(page.getByText("An invitation is on its way to " + mailbox + ".")).isVisible();
        }
        String mail = io.inviteflow.testsupport.Mailboxes.awaitInbox(mailbox, 1, Duration.ofSeconds(30)).get(0).text();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("(http\\S+/join/[A-Za-z0-9_-]+)").matcher(mail);
        assertThat(link.find()).as(mail).isTrue();
        assertThat(link.group(1)).startsWith(console);

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            page.navigate(link.group(1));
            page.locator("input[name=username]").fill(partner);
            page.locator("input[name=password]").fill("jansson-1914");
            page.locator("input[name=password]").press("Enter");
            assertThat(page.locator("#join-offer")).containsText("Linus invites you to co-organize \"Shared supper\"");
            page.locator("#join").click();
            assertThat(cell(page, "Shared supper")).isVisible();
            assertThat(page.getByText("with Linus")).isVisible();
            page.navigate(console + "/events/" + eventId + "/guests");
            assertThat(page.getByText("Edsger").first()).isVisible();
        }
    }

    @Test
    void importContactsSeeTheGuestListAndTheWaitlistAddAQuestionAndExport() throws Exception {
        String email = "grace-" + RUN + "@example.org";
        String token = signUpAndIn(email, "hopper-1906", "Grace");
        String eventId = post("/api/v1/events", token, """
                {"title":"Tiny dinner","startsAt":"2027-06-12T19:00:00+02:00","timeZone":"Europe/Berlin",
                 "capacity":1}""").get("id").asText();
        JsonNode invitations = post("/api/v1/events/" + eventId + "/invitations", token,
                "{\"guests\":[{\"name\":\"Alan\"},{\"name\":\"Barbara\"},{\"name\":\"Dennis\"}]}").get("invitations");
        post("/api/v1/invitations/" + invitations.at("/0/token").asText() + "/rsvp", null, "{\"response\":\"YES\"}");
        post("/api/v1/invitations/" + invitations.at("/1/token").asText() + "/rsvp", null, "{\"response\":\"YES\"}");
        post("/api/v1/invitations/" + invitations.at("/2/token").asText() + "/rsvp", null, "{\"response\":\"NO\"}");
        Path contacts = Files.createTempFile("contacts", ".csv");
        Files.writeString(contacts, "name,email,phone\nFrank Dawson,frank@example.org,+1 919 676 9515\n,,\n");

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            signIn(page, email, "hopper-1906");
            assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Tiny dinner"))
                    .first()).isVisible();
            // not an admin: no job history for her, not even by its address
            assertThat(page.locator("a", new Page.LocatorOptions().setHasText("Jobs"))).isHidden();
            page.navigate(console + "/jobs");
            assertThat(page.getByText("Batch job runs")).isHidden();
            page.navigate(console + "/");
            assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Tiny dinner"))
                    .first()).isVisible();

            // a new event from a template, then a reschedule, both through the console's form
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("New event")).click();
            Locator form = page.locator("vaadin-dialog-overlay");
            form.locator("vaadin-text-field input").first().fill("Console brunch");
            form.locator("vaadin-combo-box input").first().fill("Dinner party");
            form.locator("vaadin-combo-box input").first().press("Enter");
            form.locator("vaadin-date-picker input").fill("6/13/2027");
            form.locator("vaadin-date-picker input").press("Enter");
            form.locator("vaadin-time-picker input").fill("11:00 AM");
            form.locator("vaadin-time-picker input").press("Enter");
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Create")).click();
            assertThat(cell(page, "Console brunch")).isVisible();
            JsonNode brunch = java.util.stream.StreamSupport.stream(get("/api/v1/events", token).spliterator(), false)
                    .filter(e -> e.get("title").asText().equals("Console brunch")).findFirst().orElseThrow();
            assertThat(brunch.get("template").asText()).isEqualTo("dinner");
            assertThat(brunch.get("startsAt").asText()).startsWith("2027-06-13T11:00");

            page.locator("a", new Page.LocatorOptions().setHasText("Contacts")).first().click();
            page.locator("vaadin-upload input[type=file]").setInputFiles(contacts);
            assertThat(page.getByText("1 new, 0 merged into contacts you had, 1 not imported")).isVisible();
            assertThat(cell(page, "no name, email, phone or profile")).isVisible();
            assertThat(cell(page, "Frank Dawson")).isVisible();
            assertThat(cell(page, "+19196769515")).isVisible();

            page.navigate(console + "/events/" + eventId + "/guests");
            assertThat(page.getByText("3 invited")).isVisible();

            // the imported contacts, invited as a list with a personalised message
            String listId = post("/api/v1/contact-lists", token, "{\"name\":\"Friends\"}").get("id").asText();
            String frank = get("/api/v1/contacts", token).at("/contacts/0/id").asText();
            post("/api/v1/contact-lists/" + listId + "/members", token, "{\"contactIds\":[\"" + frank + "\"]}");
            page.reload();
            page.locator("vaadin-combo-box input").first().click();
            page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText("Friends")).click();
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Preview")).click();
            assertThat(page.frameLocator("vaadin-dialog-overlay iframe").locator("body"))
                    .containsText("Hi Ada, you are invited to Tiny dinner");
            page.locator("vaadin-dialog-overlay vaadin-button", new Page.LocatorOptions().setHasText("Close")).click();
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Invite the list")).click();
            assertThat(page.getByText("1 invitations sent to Friends.")).isVisible();
            assertThat(page.getByText("4 invited")).isVisible();
            assertThat(page.getByText("1 coming (with plus-ones) · 1 on the waitlist")).isVisible();
            assertThat(cell(page, "WAITLISTED")).isVisible();

            page.getByLabel("Question", new Page.GetByLabelOptions().setExact(true)).fill("Meal");
            page.getByLabel("Options, comma-separated").fill("Fish, Veg");
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Add question")).click();
            assertThat(cell(page, "Fish, Veg")).isVisible();
            assertThat(get("/api/v1/events/" + eventId + "/questions", token).at("/0/label").asText())
                    .isEqualTo("Meal");

            Download download = page.waitForDownload(() -> page.locator("a", new Page.LocatorOptions()
                    .setHasText("Export CSV")).click());
            List<String> csv = Files.readAllLines(download.path());
            assertThat(csv.get(0)).startsWith("invitation,person,name").endsWith(",Meal");
            assertThat(csv).hasSize(5).anyMatch(line -> line.contains("Barbara") && line.contains("WAITLISTED"))
                    .anyMatch(line -> line.contains("Frank Dawson") && line.contains("frank@example.org"));

            // the guests' wall, moderated from the console: a spam post is hidden, its author banned
            String dennis = invitations.at("/2/token").asText();
            String spam = "Cheap watches at spam.example " + RUN;
            assertThat(Http.postForm(core + "/i/" + dennis + "/wall", "body=" + java.net.URLEncoder.encode(spam,
                    java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(303);
            page.reload();
            assertThat(page.getByText(spam)).isVisible();
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Hide")).first().click();
            assertThat(page.getByText("Hide: done.")).isVisible();
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Ban Dennis")).first().click();
            assertThat(page.getByText("Ban Dennis: done.")).isVisible();
            assertThat(Http.get(core + "/i/" + invitations.at("/0/token").asText() + "?back=wall", null).body())
                    .doesNotContain("spam.example");
            assertThat(Http.postForm(core + "/i/" + dennis + "/wall", "body=again").status()).isEqualTo(403);
        }
    }

    /**
     * An organizer adds a passkey on the Account page (Chromium's virtual authenticator plays the laptop's fingerprint
     * reader), signs out, and signs in again with it alone: no address, password or code typed.
     */
    @Test
    void aPasskeyAddedOnTheAccountPageSignsInAlone() throws Exception {
        String email = "barbara-" + RUN + "@example.org";
        String token = signUpAndIn(email, "liskov-1939", "Barbara");
        try (Chromium chromium = new Chromium()) {
            BrowserContext context = chromium.browser.newContext();
            Page page = context.newPage();
            CDPSession devtools = context.newCDPSession(page);
            devtools.send("WebAuthn.enable");
            devtools.send("WebAuthn.addVirtualAuthenticator", JsonParser.parseString("""
                    {"options":{"protocol":"ctap2","transport":"internal","hasResidentKey":true,
                     "hasUserVerification":true,"isUserVerified":true,"automaticPresenceSimulation":true}}""")
                    .getAsJsonObject());
            page.navigate(consoleByName() + "/login");
            page.locator("input[name=username]").fill(email);
            page.locator("input[name=password]").fill("liskov-1939");
            page.locator("input[name=password]").press("Enter");
            page.waitForURL(consoleByName() + "/");
            page.navigate(consoleByName() + "/account");
            page.locator("#passkey-label input").fill("Laptop");
            page.locator("#passkey-password input").fill("liskov-1939");
            page.locator("#add-passkey").click();
            assertThat(page.locator("#passkey-message")).containsText("Passkey \"Laptop\" added");
            assertThat(cell(page, "Laptop")).isVisible();

            context.clearCookies(); // signed out
            page.navigate(consoleByName() + "/login");
            page.locator("#passkey-sign-in").click();
            page.waitForURL(consoleByName() + "/");
            page.navigate(consoleByName() + "/account");
            assertThat(page.getByText(email).first()).isVisible();
        }
        JsonNode trail = get("/api/v1/organizers/me/security-events", token);
        List<String> actions = new ArrayList<>();
        trail.forEach(e -> actions.add(e.get("action").asText() + " " + e.path("detail").asText()));
        assertThat(actions).contains("PASSKEY_ADDED Laptop", "SIGNED_IN passkey Laptop");
    }

    /** The console by host name, as passkeys need it (the core's configured origin). */
    private static String consoleByName() {
        return console.replace("127.0.0.1", "localhost");
    }

    /** A new organizer through the API; their bearer token. */
    private static String signUpAndIn(String email, String password, String name) throws Exception {
        post("/api/v1/organizers", null, "{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"%s\"}"
                .formatted(email, password, name));
        io.inviteflow.testsupport.AddressConfirmations.confirm(core, email, password);
        return post("/api/v1/auth/token", null, "{\"email\":\"%s\",\"password\":\"%s\"}"
                .formatted(email, password)).get("accessToken").asText();
    }

    private static void signIn(Page page, String email, String password) {
        page.navigate(console + "/login");
        page.locator("input[name=username]").fill(email);
        page.locator("input[name=password]").fill(password);
        page.locator("input[name=password]").press("Enter");
    }

    private static Locator cell(Page page, String text) {
        return page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(text)).first();
    }

    private static JsonNode post(String path, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(core + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError(path + " → " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static JsonNode get(String path, String token) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(core + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
