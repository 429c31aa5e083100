package io.inviteflow.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a new organizer does before the first sign-in: open the link the core mailed to the address and send its form
 * with the account's password. Read from GreenMail over IMAP, like every test's mail.
 */
public final class AddressConfirmations {

    private static final Pattern LINK = Pattern.compile("/verify-email/([A-Za-z0-9_-]+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private AddressConfirmations() {
    }

    /** The tokens of the confirmation links mailed to {@code address} so far, newest first. */
    public static List<String> tokens(String address) {
        List<String> tokens = new ArrayList<>();
        for (Mailboxes.Mail mail : Mailboxes.inbox(address)) {
            if (mail.subject() != null && mail.subject().startsWith("Confirm your Inviteflow address")) {
                Matcher link = LINK.matcher(mail.text());
                while (link.find()) {
                    tokens.add(0, link.group(1));
                }
            }
        }
        return tokens;
    }

    /** The newest confirmation link's token within 60 s (mailed at sign-up, and at each sign-in while it waits). */
    public static String awaitToken(String address) {
        List<String> tokens = Mailboxes.awaitInbox(address, Mailboxes.subject("Confirm your Inviteflow address"), 1,
                WAIT).isEmpty() ? List.of() : tokens(address);
        if (tokens.isEmpty()) {
            throw new AssertionError("no address confirmation reached " + address + " within 60 s");
        }
        return tokens.get(0);
    }

    /**
     * Confirms the address on the core at {@code coreUrl} (http://host:port), within 60 s. A mailbox may hold links of
     * other cores or runs (a fixed address such as the tests' admin), and the one this sign-up mailed may still be on
     * its way: the links are tried newest first, and the mailbox read again until one confirms.
     */
    public static void confirm(String coreUrl, String address, String password) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Set<String> tried = new HashSet<>();
        String lastRefusal = "no confirmation link arrived";
        while (System.nanoTime() < deadline) {
            List<String> tokens;
            try {
                tokens = tokens(address);
            } catch (AssertionError unreadable) { // the mail server drops a login now and then under load
                tokens = List.of();
            }
            for (String token : tokens) {
                if (!tried.add(token)) {
                    continue;
                }
                HttpResponse<String> answer = post(coreUrl + "/verify-email/" + token, password);
                if (answer.statusCode() == 200) {
                    return;
                }
                lastRefusal = answer.statusCode() + " " + answer.body();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the address of " + address + " was not confirmed within 60 s: " + lastRefusal);
    }

    private static HttpResponse<String> post(String url, String password) {
        var request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
