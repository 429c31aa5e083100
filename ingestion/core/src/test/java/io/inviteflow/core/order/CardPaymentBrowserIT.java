package io.inviteflow.core.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.inviteflow.core.support.PaidEventTest;
import io.inviteflow.testsupport.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paying by card on the invitation page in a real browser: the card goes into Stripe.js's field (the Stripe
 * stand-in serves its stand-in of Stripe.js), Stripe.js makes a payment method, the core confirms with it. 3-D Secure
 * is finished in the page. The card number never reaches the core.
 */
class CardPaymentBrowserIT extends PaidEventTest {

    private static Chromium chromium;
    private BrowserContext context;
    private Page page;
    private java.util.List<String> refused;

    @BeforeAll
    static void startBrowser() {
        chromium = new Chromium();
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
    }

    @BeforeEach
    void openContext() {
        context = chromium.browser.newContext();
        page = context.newPage();
        refused = Chromium.cspViolations(page);
    }

    @AfterEach
    void closeContext() {
        context.close();
        // the guest page's policy lets the gateway's script, frames and calls through, and nothing else was refused
        org.assertj.core.api.Assertions.assertThat(refused).as("Content-Security-Policy refusals").isEmpty();
    }

    @Test
    void aGuestPaysWithTheCardTheyTypeAndTheCoreNeverSeesIt() {
        String[] order = heldOrder("Card night");
        typeCard("4242 4242 4242 4242");
        page.waitForURL("**#tickets");
        assertThat(page.locator("#tickets")).containsText("Paid.");
        assertThat(status(order)).isEqualTo("PAID");
        assertThat(STRIPE.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/v1/payment_methods"))
                .filter(e -> e.getRequest().getBodyAsString().contains("card%5Bnumber%5D=4242424242424242"))
                .count()).as("Stripe.js sent the card to Stripe").isEqualTo(1);
        assertThat(ok(api.get("/i/" + order[0] + "/orders/" + order[1], null), 200).toString())
                .doesNotContain("4242424242424242");
    }

    @Test
    void aMistypedNumberIsCaughtByStripeJsAndADeclinedCardIsExplainedByTheCore() {
        String[] order = heldOrder("Typo party");
        typeCard("4242 4242 4242 4241");
        assertThat(page.locator(".card-alert")).hasText("Your card number is incorrect.");
        assertThat(status(order)).isEqualTo("PENDING");

        page.getByLabel("Card number").fill("4000 0000 0000 0002");
        page.locator("form.card-payment button[type=submit]").click();
        assertThat(page.locator("#tickets p.alert").first()).hasText("The payment was declined. Try another card.");
        assertThat(status(order)).isEqualTo("PENDING");
    }

    @Test
    void threeDSecureIsCompletedInThePageAndAFailedOneLeavesTheOrderToPayAgain() {
        String[] failed = heldOrder("Secure dinner");
        typeCard("4000 0025 0000 3155");
        Locator challenge = page.getByRole(com.microsoft.playwright.options.AriaRole.DIALOG);
        assertThat(challenge).isVisible();
        assertThat(page.locator("#tickets")).containsText("Your bank asks you to confirm the payment.");
        challenge.getByText("Fail authentication").click();
        assertThat(page.locator(".card-alert")).containsText("unable to authenticate");
        assertThat(status(failed)).isEqualTo("PENDING");

        String[] completed = heldOrder("Secure lunch");
        typeCard("4000 0025 0000 3155");
        page.getByRole(com.microsoft.playwright.options.AriaRole.DIALOG).getByText("Complete authentication").click();
        page.waitForURL("**#tickets");
        assertThat(page.locator("#tickets")).containsText("Paid.");
        assertThat(status(completed)).isEqualTo("PAID");
    }

    @Test
    void theTicketFormGoesOnToPayPalsApprovalPageUnderThePagesPolicy() {
        List<String> sale = paidEvent("PayPal picnic", 1500, 10);
        String guest = api.invite(organizer, sale.get(0), "Grace").get(0).get("token").asText();
        page.navigate("http://127.0.0.1:" + port + "/i/" + guest);
        page.locator("select[name='qty-" + sale.get(1) + "']").selectOption("1");
        page.locator("#ticket-email").fill("grace@example.org");
        page.locator("input[name=gateway][value=paypal]").check();
        page.locator("form[action$='/tickets'] button[type=submit]").click();
        // the form's answer is a redirect to PayPal's (here its stand-in's) page: form-action must allow it
        page.waitForURL(PAYPAL.baseUrl() + "/**");
    }

    /** A guest with a held order of one ticket, on their invitation page; returns {token, orderId}. */
    private String[] heldOrder(String title) {
        List<String> sale = paidEvent(title, 2500, 10);
        String guest = api.invite(organizer, sale.get(0), "Grace").get(0).get("token").asText();
        JsonNode placed = ok(order(guest, sale.get(1), 1, null), 201);
        page.navigate("http://127.0.0.1:" + port + "/i/" + guest);
        return new String[]{guest, placed.get("id").asText()};
    }

    private void typeCard(String number) {
        page.getByLabel("Card number").fill(number);
        page.getByLabel("Expiration date MM / YY").fill("12 / 34");
        page.getByLabel("CVC").fill("123");
        page.locator("form.card-payment button[type=submit]").click();
    }

    private String status(String[] order) {
        return ok(api.get("/i/" + order[0] + "/orders/" + order[1], null), 200).get("status").asText();
    }
}
