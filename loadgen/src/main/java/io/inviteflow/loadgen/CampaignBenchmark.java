package io.inviteflow.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Campaigns against the running stack: (1) a campaign by email to {@code recipients} guests, scheduled now, launched
 * by batch-jobs' Quartz trigger and handed to the local SMTP server ({@code --smtp-server}: Postfix's smtp-sink in
 * {@code ./inviteflow bench}, or GreenMail given {@code --greenmail}), timed from its first to its last
 * recipient as the core's results count them, with batch-jobs' resident memory sampled meanwhile; (2) the live
 * audience count of a segment over {@code segmentGuests} guests, as the console asks for it while the segment is
 * built. Appends its section to docs/benchmarks.md.
 */
public final class CampaignBenchmark {

    private static final int BATCH = 5_000;

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        URI core = URI.create(args.get("core", "http://127.0.0.1:8081"));
        // GreenMail (a test server) finds a recipient's mailbox by scanning all it has (one per address) and takes a few
        // hundred mails a second at most here: with it, the benchmark empties it first and purges it while sending
        String greenmailApi = args.get("greenmail", "");
        URI greenmail = greenmailApi.isBlank() ? null : URI.create(greenmailApi);
        String smtpServer = args.get("smtp-server", greenmail == null ? "the local SMTP server" : "GreenMail");
        Path batchJobsPid = Path.of(args.get("batch-jobs-pid", ".inviteflow/run/batch-jobs.pid"));
        int recipients = args.getInt("recipients", 100_000);
        int segmentGuests = args.getInt("segment-guests", 1_000_000);
        String run = UUID.randomUUID().toString().substring(0, 8);

        CoreClient organizer = CoreClient.newOrganizer(core, GreenMailLinks.api(args), "campaigns");
        String launch = event(organizer, "Campaign launch " + run);
        System.out.printf("inviting %,d guests with addresses…%n", recipients);
        double invitingSeconds = invite(organizer, launch, recipients, "c" + run);
        // the invitations' activities still go through the outbox, Kafka, Flink and ClickHouse for a while: a campaign
        // is measured on a stack that is done with them, as it would go out some time after the guests were invited
        double settledBeforeSending = settle();

        ObjectNode draft = CoreClient.JSON.createObjectNode().put("name", "Benchmark " + run)
                .put("subject", "{firstName}, the doors open soon")
                .put("message", "Dear {name},\n\n{eventTitle} opens its doors next month. Your invitation: {link}");
        draft.putObject("segment").putArray("eventIds").add(launch);
        draft.putArray("channels").add("EMAIL");
        String campaign = CoreClient.json(CoreClient.expect(organizer.call("POST", "/api/v1/campaigns", draft), 201))
                .get("id").asText();
        CoreClient.expect(organizer.call("POST", "/api/v1/campaigns/" + campaign + "/schedule",
                CoreClient.JSON.createObjectNode()), 200);
        if (greenmail != null) {
            // the earlier benchmarks' thousands of mailboxes would slow GreenMail down: a reset empties it
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(greenmail.resolve("/api/service/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        }
        System.out.println("campaign scheduled now; waiting for batch-jobs' next launch (at most a minute)…");
        Sending sending = watch(organizer, campaign, recipients, greenmail, batchJobsPid);

        String counted = event(organizer, "Segment count " + run);
        System.out.printf("inviting %,d more guests for the segment count…%n", segmentGuests);
        double segmentInviting = invite(organizer, counted, segmentGuests, "s" + run);
        double settledBeforeCounting = settle();
        ObjectNode everyone = CoreClient.JSON.createObjectNode();
        everyone.putObject("segment").putArray("eventIds").add(launch).add(counted);
        everyone.putArray("channels").add("EMAIL");
        ObjectNode undecided = everyone.deepCopy();
        ((ObjectNode) undecided.get("segment")).putArray("answers").add("NONE").add("MAYBE");
        double[] all = countTimes(organizer, everyone);
        double[] filtered = countTimes(organizer, undecided);
        long people = CoreClient.json(CoreClient.expect(organizer.call("POST", "/api/v1/campaigns/audience-count",
                everyone), 200)).get("people").asLong();

        String section = String.format(Locale.ROOT, """

                ## Campaigns: sending by email, and the live segment count (`%s`)

                **Sending.** A campaign by email to %,d guests of one event (each a personal subject and text, an HTML
                and a plain-text part, List-Unsubscribe headers, a tracking pixel), scheduled for now. batch-jobs'
                Quartz trigger launched it %.1f s later (it fires at second 30 of each minute); from the first to the
                last recipient the core counted as reached, **%.1f s: %,.0f mails/s** handed to %s (bar:
                ≥ 1,000/s); the first half in %.1f s (%,.0f/s), the second in %.1f s (%,.0f/s). Every recipient went
                through the delivery ledger (claimed, sent, published) and a REMINDER_SENT activity to Kafka; the core
                was told each chunk's reached people; the benchmark read the campaign's results every 2 s.%s
                batch-jobs' resident memory (RSS) while sending: %s.

                **Segment count.** `POST /api/v1/campaigns/audience-count` over two events with %,d guests in all
                (%,d distinct people with an address; one per address, opted-out and withdrawn guests excluded),
                each asked 5 times after a warm-up: every answer %s; narrowed to guests who answered Maybe or not at
                all %s (bar: < 1 s for 1 million guests).

                Setting up: %,d invitations in %.1f s, %,d more in %.1f s (`POST /api/v1/events/{id}/invitations`,
                5,000 a request); after each, the benchmark waited until the machine's two cores were less than 25 %%
                busy for 5 s in a row (the stack done with the invitations' activities): %.0f s and %.0f s.
                """, args.get("command", "./inviteflow bench"), sending.audience, sending.waitSeconds,
                sending.seconds, sending.audience / sending.seconds, smtpServer, sending.halfway,
                sending.audience / 2.0 / sending.halfway, sending.seconds - sending.halfway,
                sending.audience / 2.0 / (sending.seconds - sending.halfway), greenmail == null ? ""
                        : " The benchmark purged GreenMail's stored mails every 2 s so its memory did not fill.",
                sending.memory,
                recipients + segmentGuests, people, spread(all), spread(filtered),
                recipients, invitingSeconds, segmentGuests, segmentInviting, settledBeforeSending,
                settledBeforeCounting);
        System.out.print(section);
        Path out = Path.of(args.get("out", "docs/benchmarks.md"));
        Files.writeString(out, section, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String event(CoreClient organizer, String title) {
        return organizer.createEvent(CoreClient.JSON.createObjectNode().put("title", title)
                .put("startsAt", OffsetDateTime.now().plusDays(30).toString()).put("timeZone", "Europe/Berlin"));
    }

    /**
     * Waits (at most 5 minutes) until the machine's CPUs are less than 25 % busy for 5 s in a row (from
     * {@code /proc/stat}); the seconds it waited.
     */
    private static double settle() throws Exception {
        System.out.println("waiting for the stack to settle…");
        long start = System.nanoTime();
        long[] before = cpuTicks();
        int quiet = 0;
        while (quiet < 5 && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(5)) {
            Thread.sleep(1000);
            long[] now = cpuTicks();
            double busy = (double) (now[0] - before[0]) / Math.max(1, now[1] - before[1]);
            quiet = busy < 0.25 ? quiet + 1 : 0;
            before = now;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Busy and total jiffies of all CPUs. */
    private static long[] cpuTicks() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle + iowait
        return new long[] {total - idle, total};
    }

    /** Invites {@code n} guests, each with an address of their own; the seconds it took. */
    private static double invite(CoreClient organizer, String eventId, int n, String prefix) {
        long started = System.nanoTime();
        for (int from = 0; from < n; from += BATCH) {
            ObjectNode body = CoreClient.JSON.createObjectNode();
            ArrayNode guests = body.putArray("guests");
            for (int i = from; i < Math.min(n, from + BATCH); i++) {
                guests.addObject().put("name", "Guest " + i).put("email", prefix + "-" + i + "@example.org");
            }
            CoreClient.expect(organizer.invite(eventId, body), 201);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** @param halfway seconds from the first recipient until half were reached */
    private record Sending(long audience, double waitSeconds, double seconds, double halfway, String memory) {
    }

    /** Follows the campaign's results until everybody was reached, purging the mail server meanwhile. */
    private static Sending watch(CoreClient organizer, String campaign, int expected, URI greenmail, Path batchJobsPid)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long scheduled = System.nanoTime();
        long first = 0;
        long half = 0;
        long lastPurge = System.nanoTime();
        List<Long> rssKib = new ArrayList<>();
        long deadline = scheduled + TimeUnit.MINUTES.toNanos(15);
        JsonNode results;
        while (true) {
            // each look counts the campaign's 100,000 recipients and joins their invitations (a third of a second of
            // the database's time while it sends): the observer's share of the two cores stays small at one look in 2 s
            Thread.sleep(2000);
            results = CoreClient.json(CoreClient.expect(organizer.call("GET", "/api/v1/campaigns/" + campaign
                    + "/results", null), 200));
            long sent = results.get("sent").asLong();
            if (sent > 0 && first == 0) {
                first = System.nanoTime();
            }
            if (first != 0) {
                rssKib.add(rssKib(batchJobsPid));
            }
            if (half == 0 && sent * 2 >= expected) {
                half = System.nanoTime();
            }
            if (greenmail != null && System.nanoTime() - lastPurge > TimeUnit.SECONDS.toNanos(2)) {
                http.send(HttpRequest.newBuilder(greenmail.resolve("/api/mail/purge"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
                lastPurge = System.nanoTime();
            }
            if (sent >= expected && sent == results.get("audience").asLong()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the campaign did not finish in 15 minutes: " + results);
            }
        }
        long done = System.nanoTime();
        return new Sending(results.get("audience").asLong(), (first - scheduled) / 1e9, (done - first) / 1e9,
                (half - first) / 1e9, memory(rssKib));
    }

    private static long rssKib(Path pidFile) {
        try {
            String pid = Files.readString(pidFile).strip();
            return Files.readAllLines(Path.of("/proc", pid, "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The first and last quarter of the samples: flat memory shows as the same figure. */
    private static String memory(List<Long> kib) {
        if (kib.isEmpty() || kib.contains(-1L)) {
            return "not readable (no batch-jobs pid file)";
        }
        int quarter = Math.max(1, kib.size() / 4);
        double early = kib.subList(0, quarter).stream().mapToLong(Long::longValue).average().orElse(0) / 1024;
        double late = kib.subList(kib.size() - quarter, kib.size()).stream().mapToLong(Long::longValue).average()
                .orElse(0) / 1024;
        long peak = kib.stream().mapToLong(Long::longValue).max().orElse(0) / 1024;
        return String.format(Locale.ROOT, "%.0f MiB in the first quarter of the send, %.0f MiB in the last, "
                + "peak %d MiB (%d samples)", early, late, peak, kib.size());
    }

    /** Seconds of a warm-up and then five counts. */
    private static double[] countTimes(CoreClient organizer, ObjectNode segment) {
        CoreClient.expect(organizer.call("POST", "/api/v1/campaigns/audience-count", segment), 200);
        double[] seconds = new double[5];
        for (int i = 0; i < seconds.length; i++) {
            long started = System.nanoTime();
            CoreClient.expect(organizer.call("POST", "/api/v1/campaigns/audience-count", segment), 200);
            seconds[i] = (System.nanoTime() - started) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds;
    }

    private static String spread(double[] sorted) {
        return String.format(Locale.ROOT, "in %.0f–%.0f ms (median %.0f ms)", sorted[0] * 1000,
                sorted[sorted.length - 1] * 1000, sorted[sorted.length / 2] * 1000);
    }
}
