package io.inviteflow.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a new organizer does before the first sign-in: open the link the core mailed to the address and send its form
 * with the account's password. Read from GreenMail over IMAP, like every test's mail.
 */
public final class AddressConfirmations {

    private static final Pattern LINK = Pattern.compile("/verify-email/([A-Za-z0-9_-]+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AddressConfirmations() {
    }

    /**
     * The token of the newest confirmation link mailed to {@code address} (at sign-up, and at each sign-in while the
     * account waits for it), within 30 s.
     */
    public static String awaitToken(String address) {
        String token = null;
        for (Mailboxes.Mail mail : Mailboxes.awaitInbox(address, Mailboxes.subject("Confirm your Inviteflow address"),
                1, Duration.ofSeconds(30))) {
            Matcher link = LINK.matcher(mail.text());
            while (link.find()) {
                token = link.group(1);
            }
        }
        if (token == null) {
            throw new AssertionError("no address confirmation reached " + address + " within 30 s");
        }
        return token;
    }

    /** Confirms the address through its newest link on the core at {@code coreUrl} (http://host:port). */
    public static void confirm(String coreUrl, String address, String password) {
        var request = HttpRequest.newBuilder(URI.create(coreUrl + "/verify-email/" + awaitToken(address)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                .build();
        try {
            HttpResponse<String> confirmed = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (confirmed.statusCode() != 200) {
                throw new AssertionError("the address of " + address + " was not confirmed: "
                        + confirmed.statusCode() + " " + confirmed.body());
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
