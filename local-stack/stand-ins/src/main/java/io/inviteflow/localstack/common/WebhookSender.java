package io.inviteflow.localstack.common;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;

/**
 * Posts events the way the providers do: a body with the provider's signature headers, on other threads,
 * retried a few times while the endpoint does not answer 2xx.
 */
public final class WebhookSender implements AutoCloseable {

    /**
     * The provider's signature headers for one delivery of a body to a URL (made anew per attempt: they may carry the
     * time; Twilio signs the URL too).
     */
    public interface Signer {
        Map<String, String> headers(URI url, String body);
    }

    private static final int ATTEMPTS = 5;

    private volatile URI endpoint;
    private final Signer signer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService executor;
    /** One party for the waiter plus one per webhook being delivered. */
    private final Phaser inFlight = new Phaser(1);

    public WebhookSender(String provider, URI endpoint, Signer signer) {
        String threadName = provider + "-standin-webhooks";
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        this.endpoint = endpoint;
        this.signer = signer;
    }

    public void endpoint(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** Posts a JSON event to the configured endpoint (none: dropped, as a provider without a webhook configured). */
    public void send(String eventJson) {
        URI endpoint = this.endpoint;
        if (endpoint != null) {
            sendTo(endpoint, eventJson, "application/json; charset=utf-8");
        }
    }

    public void sendTo(URI url, String body, String contentType) {
        sendTo(url, java.util.List.of(body), contentType);
    }

    /** Posts bodies one after the other to a URL the request named (Twilio's {@code StatusCallback}: sent, delivered). */
    public void sendTo(URI url, java.util.List<String> bodies, String contentType) {
        inFlight.register();
        executor.execute(() -> {
            try {
                bodies.forEach(body -> deliver(url, body, contentType));
            } finally {
                inFlight.arriveAndDeregister();
            }
        });
    }

    private void deliver(URI endpoint, String body, String contentType) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                signer.headers(endpoint, body).forEach(request::header);
                int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return;
                }
            } catch (java.io.IOException e) {
                // endpoint down: retry below, as the providers do (over days there, seconds here)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(200L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }


    public void awaitIdle() throws InterruptedException {
        int phase = inFlight.arrive();
        try {
            inFlight.awaitAdvanceInterruptibly(phase, 30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("webhooks still in flight after 30 s", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
