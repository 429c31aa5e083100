package io.inviteflow.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The organizer's side of the core under load: a 100,000-contact import, 5,000 personalised invitations in one
 * request, and the guest page with 500 guests reading at once. Appends its section to docs/benchmarks.md.
 */
public final class OrganizerBenchmark {

    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis",
            "Barbara", "Ken", "Frances", "Edsger", "Radia", "Tim", "Hedy", "John", "Shafi", "Donald", "Adele"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton",
            "Ritchie", "Liskov", "Thompson", "Allen", "Dijkstra", "Perlman", "Berners-Lee", "Lamarr", "Backus",
            "Goldwasser", "Knuth", "Goldberg"};

    private final CoreClient client;

    private OrganizerBenchmark(CoreClient client) {
        this.client = client;
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        URI core = URI.create(args.get("core", "http://127.0.0.1:8081"));
        URI mailbox = GreenMailLinks.api(args);
        int contacts = args.getInt("contacts", 100_000);
        int guests = args.getInt("guests", 500);
        int seconds = args.getInt("seconds", 30);

        System.out.printf("contact import, %d rows…%n", contacts);
        List<double[]> imports = new ArrayList<>();
        OrganizerBenchmark bookOwner = null;
        for (int run = 0; run < 3; run++) {
            OrganizerBenchmark importing = new OrganizerBenchmark(organizer(core, mailbox));
            imports.add(importing.importContacts(contacts, run));
            bookOwner = bookOwner == null ? importing : bookOwner;
        }
        System.out.printf("address book of %d contacts, first page and a search…%n", contacts);
        List<Double> firstPages = bookOwner.addressBookPages("/api/v1/contacts?limit=50", 5);
        List<Double> searches = bookOwner.addressBookPages("/api/v1/contacts?limit=50&q=example.org", 5);
        System.out.println("5,000 personalised invitations per request…");
        var inviting = new OrganizerBenchmark(organizer(core, mailbox));
        List<Double> inviteSeconds = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            inviteSeconds.add(inviting.personalisedInvitations(5_000, run == 0 ? tokens : null));
        }
        System.out.printf("guest page, %d guests reading ~4 s per page for %d s…%n", guests, seconds);
        Histogram reading = inviting.guestPages(tokens, guests, seconds, 2_000, 6_000);
        System.out.printf("guest page, %d guests reading ~1 s per page for %d s…%n", guests, seconds);
        Histogram skimming = inviting.guestPages(tokens, guests, seconds, 500, 1_500);
        System.out.println("theme suggestions, 2,000 requests one after another…");
        Suggestions suggestions = inviting.themeSuggestions(2_000);

        String section = String.format(Locale.ROOT, """

                ## Organizers' core (`%s`)

                | what | runs | result |
                |---|---:|---|
                | import of a %,d-contact Google Contacts CSV (%.1f MB), one request | %d | %s contacts/s (best %,.0f) |
                | that address book's first page, `GET /api/v1/contacts?limit=50` (every card opened, ordered by name) | %d | %s s |
                | that address book searched, `?q=example.org&limit=50` (every card and point opened) | %d | %s s |
                | 5,000 personalised invitations (merge fields, one request) | %d | %s s (worst %.2f s) |
                | guest page `GET /i/{token}`, %d guests at once, each reading 2–6 s per page, %d s | 1 | %s |
                | guest page, %d guests at once, each reading 0.5–1.5 s per page (the machine's limit), %d s | 1 | %s |
                | theme suggestions `GET /api/v1/suggestions/themes`, %,d requests one after another (served: %s) | 1 | p50 %.1f ms, p99 %.1f ms |

                The import file is generated (names from a fixed list, unique emails and phones, 3 columns of Google's
                export), parsed, normalised (libphonenumber), merged against the address book and written in one
                transaction; the time is the whole HTTP request. Each invitation request renders the merge fields for
                every guest and writes 5,000 invitations and 5,000 outbox rows in one transaction. Every guest page
                view records an open (an UPDATE and an outbox row) before it renders. The load generator's 500 threads
                run on the same two cores as the core, PostgreSQL and Kafka: at ~1 s per page the machine is at 100 %%
                CPU and the tail latency is queueing for it.
                """,
                args.get("command", "./inviteflow bench"),
                contacts, imports.get(0)[1] / 1e6, imports.size(),
                join(imports.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r[0])).toList()),
                imports.stream().mapToDouble(r -> r[0]).max().orElse(0),
                firstPages.size(), join(firstPages.stream().map(t -> String.format(Locale.ROOT, "%.2f", t)).toList()),
                searches.size(), join(searches.stream().map(t -> String.format(Locale.ROOT, "%.2f", t)).toList()),
                inviteSeconds.size(), join(inviteSeconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList()),
                inviteSeconds.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                guests, seconds, pages(reading, seconds), guests, seconds, pages(skimming, seconds),
                suggestions.latency().getTotalCount(), suggestions.source(),
                suggestions.latency().getValueAtPercentile(50) / 1000.0,
                suggestions.latency().getValueAtPercentile(99) / 1000.0);
        Path out = Path.of(args.get("out", "docs/benchmarks.md"));
        Files.writeString(out, section, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(section);
    }

    /** Latencies in µs, and what the core served ({@code personal}, {@code popular} or {@code default}, and the version). */
    record Suggestions(Histogram latency, String source) {
    }

    /** The theme suggestions the core serves from the promoted model's file, without Spark: one request at a time. */
    private Suggestions themeSuggestions(int requests) {
        Histogram latency = new Histogram(60_000_000L, 3);
        String source = null;
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            CoreClient.Status status = CoreClient.expect(client.call("GET", "/api/v1/suggestions/themes", null), 200);
            latency.recordValue(Math.max(1, (System.nanoTime() - start) / 1_000));
            if (source == null) {
                JsonNode served = json(status);
                source = served.path("source").asText() + (served.path("modelVersion").isTextual()
                        ? " of " + served.path("modelVersion").asText() : "");
            }
        }
        return new Suggestions(latency, source);
    }

    private static CoreClient organizer(URI core, URI mailbox) {
        return CoreClient.newOrganizer(core, mailbox, "organizer-bench");
    }

    /** @return the seconds each of {@code runs} requests of the address book took, one after another */
    private List<Double> addressBookPages(String path, int runs) {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            JsonNode page = json(CoreClient.expect(client.call("GET", path, null), 200));
            seconds.add((System.nanoTime() - start) / 1e9);
            if (page.get("contacts").size() != 50) {
                throw new IllegalStateException("a page of the address book is not 50 contacts: " + page);
            }
        }
        return seconds;
    }

    /** @return contacts per second, and the file's size in bytes */
    private double[] importContacts(int n, int seed) {
        byte[] csv = googleCsv(n, seed);
        long start = System.nanoTime();
        CoreClient.Status status = client.importContacts(csv, "contacts.csv");
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonNode report = json(status);
        if (status.code() != 200 || report.get("imported").asInt() != n) {
            throw new IllegalStateException("import did not take every row: " + status.body().substring(0,
                    Math.min(500, status.body().length())));
        }
        return new double[]{n / seconds, csv.length};
    }

    private static byte[] googleCsv(int n, int seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("First Name,Last Name,E-mail 1 - Label,E-mail 1 - Value,"
                + "Phone 1 - Label,Phone 1 - Value\n");
        for (int i = 0; i < n; i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            csv.append(first).append(',').append(last).append(",* Home,")
                    .append(first.toLowerCase(Locale.ROOT)).append('.').append(i).append("@example.org,Mobile,")
                    .append(String.format(Locale.ROOT, "+1 202 %03d %04d", 200 + i / 10_000, i % 10_000)).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @param tokensOut where to put the tokens issued, or null */
    private double personalisedInvitations(int n, List<String> tokensOut) {
        ObjectNode event = CoreClient.JSON.createObjectNode().put("title", "Launch party " + UUID.randomUUID())
                .put("startsAt", OffsetDateTime.now().plusDays(30).toString()).put("timeZone", "Europe/Berlin")
                .put("template", "party");
        String eventId = client.createEvent(event);
        ObjectNode body = CoreClient.JSON.createObjectNode()
                .put("message", "Hi {firstName}, {organizerName} invites you to {eventTitle} on {eventDate}!");
        ArrayNode list = body.putArray("guests");
        for (int i = 0; i < n; i++) {
            list.addObject().put("name", FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length])
                    .put("email", "guest" + i + "@example.org");
        }
        long start = System.nanoTime();
        CoreClient.Status status = client.invite(eventId, body);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (status.code() != 201) {
            throw new IllegalStateException("invitations refused: " + status);
        }
        if (tokensOut != null) {
            json(status).get("invitations").forEach(i -> tokensOut.add(i.get("token").asText()));
        }
        return seconds;
    }

    /** Closed loop: each guest opens a page, reads it for {@code minMs}–{@code maxMs}, opens another. */
    private Histogram guestPages(List<String> tokens, int guests, int seconds, int minMs, int maxMs)
            throws InterruptedException {
        Histogram latency = new Histogram(60_000_000L, 3);
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(guests);
        for (int g = 0; g < guests; g++) {
            int guest = g;
            pool.submit(() -> {
                Random random = new Random(guest);
                TimeUnit.MILLISECONDS.sleep(random.nextInt(maxMs)); // guests arrive over the first page's time
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    int code = client.open(tokens.get(random.nextInt(tokens.size())),
                            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile").code();
                    long micros = (System.nanoTime() - sent) / 1_000;
                    if (code != 200) {
                        failures.incrementAndGet();
                    }
                    synchronized (latency) {
                        latency.recordValue(Math.min(micros, latency.getHighestTrackableValue()));
                    }
                    TimeUnit.MILLISECONDS.sleep(minMs + random.nextInt(maxMs - minMs));
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " guest pages failed");
        }
        return latency;
    }

    private static String pages(Histogram h, int seconds) {
        return String.format(Locale.ROOT, "%,d pages, %.0f/s; p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                h.getTotalCount(), h.getTotalCount() / (double) seconds, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    private static String join(List<String> values) {
        return String.join(", ", values);
    }

    private static JsonNode json(CoreClient.Status status) {
        try {
            return CoreClient.JSON.readTree(status.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
