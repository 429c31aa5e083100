package io.inviteflow.batch.reminder;

import org.springframework.mail.MailPreparationException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A file a mail carries, fetched from the core's link of the guest's invitation: the current calendar entry (calendar
 * apps replace their copy with it: same UID, higher SEQUENCE; or remove it: METHOD:CANCEL), or the printable tickets.
 */
record MailAttachment(byte[] content, String contentType) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The buyer's printable tickets, from the link of their invitation. */
    static MailAttachment fetchPdf(String url) {
        return new MailAttachment(get(url), "application/pdf");
    }

    static MailAttachment fetch(String url) {
        byte[] body = get(url);
        String ics = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        String method = ics.contains("METHOD:CANCEL") ? "CANCEL" : "PUBLISH";
        return new MailAttachment(body, "text/calendar; charset=UTF-8; method=" + method);
    }

    private static byte[] get(String url) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new MailPreparationException(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new MailPreparationException(url + " could not be fetched", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailPreparationException("interrupted fetching " + url, e);
        }
    }
}
