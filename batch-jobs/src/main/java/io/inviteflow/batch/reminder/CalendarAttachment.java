package io.inviteflow.batch.reminder;

import org.springframework.mail.MailPreparationException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The guest's current calendar entry, fetched from the core's public .ics link, to attach to a notice: calendar apps
 * replace their copy with it (same UID, higher SEQUENCE) or remove it (METHOD:CANCEL).
 */
record CalendarAttachment(byte[] content, String contentType) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static CalendarAttachment fetch(String url) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new MailPreparationException("calendar " + url + " answered " + response.statusCode());
            }
            String ics = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
            String method = ics.contains("METHOD:CANCEL") ? "CANCEL" : "PUBLISH";
            return new CalendarAttachment(response.body(), "text/calendar; charset=UTF-8; method=" + method);
        } catch (IOException e) {
            throw new MailPreparationException("calendar " + url + " could not be fetched", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailPreparationException("interrupted fetching " + url, e);
        }
    }
}
