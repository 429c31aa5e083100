package io.inviteflow.loadgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links the core mails to people (an address confirmation, a team invitation), read from the local stack's GreenMail
 * through its REST API, as a person would open them from a mailbox.
 */
final class GreenMailLinks {

    /** GreenMail's API on the local stack ({@code ./inviteflow}'s GREENMAIL_API_PORT). */
    private static final String LOCAL_STACK = "http://127.0.0.1:8025";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private GreenMailLinks() {
    }

    /** GreenMail's API as {@code --greenmail} names it, else the local stack's. */
    static URI api(Args args) {
        return URI.create(args.get("greenmail", LOCAL_STACK));
    }

    /** The first group of {@code link} in the newest mail of {@code address} that has it, within 30 s. */
    static String await(URI greenmail, String address, Pattern link, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String inbox = HTTP.send(HttpRequest.newBuilder(
                                greenmail.resolve("/api/user/" + address + "/messages/INBOX")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = link.matcher(inbox);
                String found = null;
                while (m.find()) {
                    found = m.group(1);
                }
                if (found != null) {
                    return found;
                }
                Thread.sleep(500);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no " + what + " reached " + address + " within 30 s (GreenMail at "
                + greenmail + ")");
    }
}
