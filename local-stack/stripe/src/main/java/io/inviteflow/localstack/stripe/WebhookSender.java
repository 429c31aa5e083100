package io.inviteflow.localstack.stripe;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;

/**
 * Posts events the way Stripe does: JSON body, header {@code Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of
 * "t.body" under the endpoint's signing secret>}, retried a few times while the endpoint does not answer 2xx.
 */
final class WebhookSender implements AutoCloseable {

    private static final int ATTEMPTS = 5;

    private volatile URI endpoint;
    private final byte[] secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "stripe-standin-webhooks");
        t.setDaemon(true);
        return t;
    });
    /** One party for the waiter plus one per webhook being delivered. */
    private final Phaser inFlight = new Phaser(1);

    WebhookSender(URI endpoint, String secret) {
        this.endpoint = endpoint;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    void endpoint(URI endpoint) {
        this.endpoint = endpoint;
    }

    void send(String eventJson) {
        if (endpoint == null) {
            return;
        }
        inFlight.register();
        executor.execute(() -> {
            try {
                deliver(eventJson);
            } finally {
                inFlight.arriveAndDeregister();
            }
        });
    }

    private void deliver(String eventJson) {
        URI endpoint = this.endpoint;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                long t = System.currentTimeMillis() / 1000;
                HttpRequest request = HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("Stripe-Signature", "t=" + t + ",v1=" + signature(t, eventJson))
                        .POST(HttpRequest.BodyPublishers.ofString(eventJson))
                        .build();
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return;
                }
            } catch (java.io.IOException e) {
                // endpoint down: retry below, as Stripe does (over days there, seconds here)
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

    String signature(long timestamp, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void awaitIdle() throws InterruptedException {
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
