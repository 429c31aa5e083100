package io.inviteflow.core.webhook;

import io.inviteflow.core.scheduling.BatchPoller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends due deliveries: POST with the signature header, 2xx is delivered, anything else is retried with exponential
 * backoff until {@code maxAttempts}, every attempt logged. A delivery is locked while it is being sent, so two core
 * instances never send it at once; a crash mid-send means it is sent again (receivers deduplicate on {@code id}).
 */
@Component
class WebhookDispatcher extends BatchPoller {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 20;
    static final String UNREADABLE_SECRET = "the endpoint's signing secret does not open with the master key";

    private final WebhookRepository repository;
    private final WebhookProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final HttpClient http;

    WebhookDispatcher(WebhookRepository repository, WebhookProperties properties, TransactionTemplate transaction,
                      Clock clock) {
        super("webhook-dispatcher", BATCH);
        this.repository = repository;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends what is due now; returns how many deliveries it tried. */
    int sendDue() {
        Integer sent = transaction.execute(status -> {
            List<WebhookRepository.Due> due = repository.lockDue(BATCH);
            due.forEach(this::send);
            return due.size();
        });
        return sent == null ? 0 : sent;
    }

    private void send(WebhookRepository.Due d) {
        int attempt = d.attempts() + 1;
        Instant now = clock.instant();
        if (d.secret() == null) { // unsigned it would be refused, or trusted: neither; the organizer makes a new one
            repository.recordAttempt(d.id(), attempt, now, null, UNREADABLE_SECRET, 0);
            repository.retryLater(d.id(), attempt, now, true);
            repository.deactivate(d.endpointId()); // no new deliveries for it: each would fail alike
            log.warn("webhook endpoint {} ({}) turned off: {}", d.endpointId(), d.url(), UNREADABLE_SECRET);
            return;
        }
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(d.url()))
                    .timeout(properties.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Inviteflow-Webhooks/1")
                    .header("Inviteflow-Delivery", d.id().toString())
                    .header("Inviteflow-Signature", WebhookSignature.header(d.secret(), now.getEpochSecond(), d.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.body())).build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        repository.recordAttempt(d.id(), attempt, now, status, error, ms);
        if (status != null && status >= 200 && status < 300) {
            repository.delivered(d.id(), attempt, clock.instant());
            return;
        }
        boolean giveUp = attempt >= properties.maxAttempts();
        Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(attempt - 1, 20));
        repository.retryLater(d.id(), attempt, clock.instant().plus(wait), giveUp);
        if (giveUp) {
            log.warn("webhook delivery {} to {} failed {} times; given up", d.id(), d.url(), attempt);
        }
    }

    @Override
    protected int round() {
        return sendDue();
    }

    @Override
    protected Duration interval() {
        return properties.pollInterval();
    }
}
