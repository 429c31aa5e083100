package io.inviteflow.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ticket sales against the running stack and its Stripe stand-in: (1) checkout — buyers at once, each ordering a
 * ticket on their invitation and paying it (order, PaymentIntent, confirmation, webhook, tickets, activities), for a
 * fixed time; (2) the event is cancelled and the refund job refunds every paid order (Kafka → batch-jobs → the core →
 * the stand-in). Appends its section to docs/benchmarks.md.
 */
public final class TicketBenchmark {

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        URI core = URI.create(args.get("core", "http://127.0.0.1:8081"));
        int buyers = args.getInt("buyers", 64);
        int seconds = args.getInt("seconds", 30);
        int invitations = args.getInt("invitations", 15_000);

        CoreClient organizer = CoreClient.newOrganizer(core, GreenMailLinks.api(args), "tickets");
        String eventId = organizer.createEvent(CoreClient.JSON.createObjectNode()
                .put("title", "Ticket rush " + UUID.randomUUID())
                .put("startsAt", OffsetDateTime.now().plusDays(30).toString()).put("timeZone", "Europe/Berlin"));
        CoreClient.expect(organizer.call("PUT", "/api/v1/events/" + eventId + "/ticket-settings",
                CoreClient.JSON.createObjectNode().put("currency", "EUR").put("vatBasisPoints", 1900)
                        .put("feeFixedMinor", 99).put("feeBasisPoints", 0)), 200);
        String tierId = CoreClient.json(CoreClient.expect(organizer.call("POST", "/api/v1/events/" + eventId
                + "/ticket-tiers", CoreClient.JSON.createObjectNode().put("name", "General admission")
                .put("priceMinor", 3500).put("quantity", invitations)), 201)).get("id").asText();
        System.out.printf("inviting %,d buyers…%n", invitations);
        List<String> tokens = organizer.inviteNamed(eventId, invitations, "Buyer");

        System.out.printf("checkout: %d buyers at once for %d s…%n", buyers, seconds);
        CpuShare cpu = CpuShare.start();
        Checkout checkout = checkout(new CoreClient(core), tokens, tierId, buyers, seconds);
        CpuShare.Split split = cpu.stop();
        int paid = counts(organizer, eventId).path("PAID").asInt();

        System.out.printf("cancelling the event: refunding %,d paid orders…%n", paid);
        long cancelled = System.nanoTime();
        CoreClient.expect(organizer.call("POST", "/api/v1/events/" + eventId + "/cancel",
                CoreClient.JSON.createObjectNode().put("reason", "Benchmark")), 200);
        long firstRefund = 0;
        int refunded = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (refunded < paid && System.nanoTime() < deadline) {
            Thread.sleep(200);
            refunded = counts(organizer, eventId).path("REFUNDED").asInt();
            if (refunded > 0 && firstRefund == 0) {
                firstRefund = System.nanoTime();
            }
        }
        long done = System.nanoTime();
        double total = (done - cancelled) / 1e9;
        double refunding = firstRefund == 0 ? Double.NaN : (done - firstRefund) / 1e9;

        String section = String.format(Locale.ROOT, """

                ## Tickets: checkout and the refund job (`%s`)

                %d buyers at once for %d s, each ordering one ticket on their own invitation (`POST /i/{token}/orders`:
                stock held, PaymentIntent created at the Stripe stand-in) and paying it (`POST …/payment`: confirmed
                at the stand-in, tickets issued; the stand-in's signed webhook arrives too), with no pause. Then the
                event is cancelled and batch-jobs' refund job refunds every paid order through the core and the
                stand-in (chunks of 50, one core call per chunk, gateway calls side by side).

                | what | result |
                |---|---|
                | paid orders | %,d in %d s: **%,.0f orders/s** (%,d refused, %,d failed) |
                | whole checkout (order + payment) | p50 %.1f ms, **p99 %.1f ms**, max %.1f ms |
                | placing the order | p50 %.1f ms, p99 %.1f ms |
                | paying it | p50 %.1f ms, p99 %.1f ms |
                | CPU of the machine during checkout | %.0f %% busy: load generator %.0f %%, the stack %.0f %% |
                | refunds | %,d of %,d paid orders refunded, %.1f s after the cancellation |
                | refund rate (first refund to last) | **%,.0f refunds/s** over %.1f s |

                The stand-in (WireMock with Stripe's state, see local-stack/stand-ins) runs on the same two cores; its
                answers take no network time. Against Stripe itself each gateway call adds its round trip.
                """,
                args.get("command", "./inviteflow bench"), buyers, seconds,
                checkout.paid.get(), seconds, checkout.paid.get() / (double) seconds, checkout.refused.get(),
                checkout.failed.get(),
                ms(checkout.whole, 50), ms(checkout.whole, 99), checkout.whole.getMaxValue() / 1000.0,
                ms(checkout.orders, 50), ms(checkout.orders, 99), ms(checkout.payments, 50), ms(checkout.payments, 99),
                split.busyPercent(), split.loadGeneratorPercent(), split.stackPercent(),
                refunded, paid, total, refunded / refunding, refunding);
        Files.writeString(Path.of(args.get("out", "docs/benchmarks.md")), section, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        System.out.println(section);
    }

    private static JsonNode counts(CoreClient organizer, String eventId) {
        return CoreClient.json(CoreClient.expect(organizer.call("GET", "/api/v1/events/" + eventId
                + "/order-counts", null), 200));
    }

    private record Checkout(Histogram whole, Histogram orders, Histogram payments, AtomicLong paid,
                            AtomicLong refused, AtomicLong failed) {
    }

    /** Closed loop: each buyer takes the next invitation, orders, pays, and goes on until the time is up. */
    private static Checkout checkout(CoreClient client, List<String> tokens, String tierId, int buyers, int seconds)
            throws InterruptedException {
        Checkout run = new Checkout(histogram(), histogram(), histogram(), new AtomicLong(), new AtomicLong(),
                new AtomicLong());
        AtomicInteger next = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(buyers);
        for (int b = 0; b < buyers; b++) {
            buyer(client, tokens, tierId, next, end, run, done);
        }
        done.await(seconds + 120L, TimeUnit.SECONDS);
        return run;
    }

    private static void buyer(CoreClient client, List<String> tokens, String tierId, AtomicInteger next, long end,
                              Checkout run, CountDownLatch done) {
        int i;
        if (System.nanoTime() >= end || (i = next.getAndIncrement()) >= tokens.size()) {
            done.countDown();
            return;
        }
        String token = tokens.get(i);
        ObjectNode order = CoreClient.JSON.createObjectNode().put("buyerName", "Buyer " + i)
                .put("buyerEmail", "buyer" + i + "@example.org");
        order.putArray("lines").addObject().put("tierId", tierId).put("quantity", 1);
        long started = System.nanoTime();
        client.postAsync("/i/" + token + "/orders", order).thenCompose(placed -> {
            record(run, run.orders, started);
            if (placed.code() != 201) {
                (placed.code() == 409 ? run.refused : run.failed).incrementAndGet();
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }
            String orderId = CoreClient.json(placed).get("id").asText();
            long paying = System.nanoTime();
            return client.postAsync("/i/" + token + "/orders/" + orderId + "/payment",
                    CoreClient.JSON.createObjectNode().put("paymentMethod", "pm_card_visa")).thenAccept(paid -> {
                record(run, run.payments, paying);
                if (paid.code() == 200) {
                    run.paid.incrementAndGet();
                    record(run, run.whole, started);
                } else {
                    run.failed.incrementAndGet();
                }
            });
        }).whenComplete((ok, error) -> buyer(client, tokens, tierId, next, end, run, done));
    }

    private static void record(Checkout run, Histogram which, long sentNanos) {
        long micros = (System.nanoTime() - sentNanos) / 1_000;
        synchronized (run) {
            which.recordValue(Math.min(micros, which.getHighestTrackableValue()));
        }
    }

    private static Histogram histogram() {
        return new Histogram(60_000_000L, 3);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }
}
