package io.inviteflow.loadgen;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads the demo through the public API: the Meetup RSVP sample becomes seven community events, their guests are
 * invited, and every RSVP of the file is replayed in its original order as an open followed by the answer,
 * evenly spread over {@code --duration} seconds so the console's charts move.
 *
 * <p>Arguments: {@code --core} (default http://127.0.0.1:8081), {@code --data} (the JSONL file),
 * {@code --duration} seconds (default 150), {@code --email}/{@code --password} of the demo organizer, {@code --greenmail}
 * (GreenMail's API, default the local stack's: the organizers confirm their addresses, and a co-organizer joins the
 * first event, through the links mailed to them).
 * Runs once: if the demo organizer already has events, it only says so.
 */
public final class DemoLoader {

    private DemoLoader() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        var client = new CoreClient(URI.create(args.get("core", "http://127.0.0.1:8081")));
        URI greenmail = GreenMailLinks.api(args);
        client.signUpOrIn(args.get("email", "demo@inviteflow.local"), args.get("password", "inviteflow-demo"),
                "Demo Organizer", greenmail);
        if (!client.events().isEmpty()) {
            System.out.println("demo data already loaded (the demo organizer has events)");
            return;
        }
        Path data = Path.of(args.get("data", "../shared/data/meetup-rsvps-2017.jsonl"));
        importAddressBook(client, data.toAbsolutePath().getParent().resolve("contacts"));
        DemoPlan plan = DemoPlan.of(MeetupRsvps.read(data));
        Map<String, Map<Long, String>> tokens = createEventsAndInvite(client, plan);
        shareFirstEvent(client, URI.create(args.get("core", "http://127.0.0.1:8081")), greenmail,
                args.get("password", "inviteflow-demo"));
        replay(client, plan, tokens, args.getInt("duration", 150));
    }

    /**
     * The real vCards of the shared data (exported by Android, iPhone, Outlook, Gmail…) into the list "Address book",
     * so the console's contacts page shows what an import makes of them.
     */
    private static void importAddressBook(CoreClient client, Path contacts) throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(contacts)) {
            System.out.println("no contacts folder at " + contacts + ": address book left empty");
            return;
        }
        try (var files = java.nio.file.Files.list(contacts)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".vcf")).sorted().toList()) {
                CoreClient.Status status = client.importContacts(java.nio.file.Files.readAllBytes(file),
                        file.getFileName().toString(), "Address book");
                if (status.code() != 200) {
                    System.out.printf("contacts %-50s refused: %s%n", file.getFileName(), status);
                    continue;
                }
                var report = CoreClient.JSON.readTree(status.body());
                System.out.printf("contacts %-50s %d new, %d merged, %d rejected%n", file.getFileName(),
                        report.get("imported").asInt(), report.get("merged").asInt(), report.get("rejected").size());
            }
        }
    }

    /**
     * A second organizer, {@value #PARTNER}, co-organizes the first event: invited by the demo organizer, joined
     * through the link mailed to it, read from GreenMail's API — the path a person takes, so the console's Team
     * dialog, its co-organized events and the partner's view can be tried at once. A failure leaves the demo as it is.
     */
    private static void shareFirstEvent(CoreClient owner, URI core, URI greenmail, String password) {
        try {
            String eventId = owner.events().get(0).get("id").asText();
            owner.inviteCoOrganizer(eventId, PARTNER);
            String link = GreenMailLinks.await(greenmail, PARTNER, JOIN_LINK, "team invitation");
            var partner = new CoreClient(core);
            partner.signUpOrIn(PARTNER, password, "Demo Partner", greenmail);
            partner.joinTeam(link);
            System.out.println("co-organizer " + PARTNER + " joined the first event");
        } catch (RuntimeException e) {
            System.out.println("the first event is not shared with a co-organizer: " + e.getMessage());
        }
    }

    private static final String PARTNER = "partner@inviteflow.local";
    private static final java.util.regex.Pattern JOIN_LINK = java.util.regex.Pattern.compile("/join/([A-Za-z0-9_-]+)");

    private static Map<String, Map<Long, String>> createEventsAndInvite(CoreClient client, DemoPlan plan) {
        Map<String, Map<Long, String>> tokens = new HashMap<>();
        int day = 7;
        for (DemoPlan.PlannedEvent e : plan.events) {
            ZoneId zone = ZoneId.of(e.timeZone());
            ObjectNode body = CoreClient.JSON.createObjectNode()
                    .put("title", e.title())
                    .put("startsAt", LocalDate.now(zone).plusDays(day++).atTime(LocalTime.of(19, 0))
                            .atZone(zone).toOffsetDateTime().toString())
                    .put("timeZone", e.timeZone())
                    .put("template", "meetup")
                    // Meetup's own limits are not in the sample: room for everyone, and up to 5 guests each as
                    // Meetup allowed (the template's defaults are for a small community meetup)
                    .put("capacity", 5 * (e.guests().size() + 1))
                    .put("maxPlusOnes", 5);
            body.putObject("venue").put("name", e.venueName()).put("address", e.address())
                    .put("lat", e.lat()).put("lon", e.lon());
            String eventId = client.createEvent(body);
            List<String[]> guests = new ArrayList<>();
            for (long member : e.guests()) {
                guests.add(new String[]{"Member " + member, "member-" + member + "@guests.inviteflow.local"});
            }
            Map<Long, String> byMember = new HashMap<>();
            List<CoreClient.Invitation> invited = client.invite(eventId, guests);
            for (int i = 0; i < invited.size(); i++) {
                byMember.put(e.guests().get(i), invited.get(i).token());
            }
            tokens.put(e.key(), byMember);
            System.out.printf("event %-45s %4d guests  %s%n", e.title(), invited.size(), eventId);
        }
        return tokens;
    }

    private static void replay(CoreClient client, DemoPlan plan, Map<String, Map<Long, String>> tokens,
                               int seconds) throws InterruptedException, ExecutionException {
        // Evenly spaced in their original order: the sample's times cluster in its last 12 minutes after a few
        // answers weeks earlier, so a proportional replay would sit idle and then burst.
        int total = plan.steps.size();
        int index = 0;
        long start = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        // one single-thread lane per member: answers of the same guest stay in the file's order
        ExecutorService[] lanes = new ExecutorService[4];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = Executors.newSingleThreadExecutor();
        }
        List<Future<?>> sent = new ArrayList<>();
        System.out.printf("replaying %d answers over %d s%n", plan.steps.size(), seconds);
        for (DemoPlan.Step step : plan.steps) {
            long dueNanos = (long) ((double) index++ / total * seconds * 1e9);
            long wait = dueNanos - (System.nanoTime() - start);
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String token = tokens.get(step.eventKey()).get(step.memberId());
            sent.add(lanes[(int) Math.floorMod(step.memberId(), (long) lanes.length)].submit(() -> {
                client.open(token, step.memberId() % 3 == 0 ? "Mozilla/5.0 (X11; Linux x86_64)"
                        : "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile");
                var answered = client.answer(token, step.response(), step.plusOnes());
                if (answered.code() != 200) {
                    throw new IllegalStateException("answer refused: " + answered);
                }
                if ("YES".equals(step.response())) {
                    DemoIdeas.browse(client, token, step.topics());
                }
                if (done.incrementAndGet() % 100 == 0) {
                    System.out.printf("%d answers sent%n", done.get());
                }
            }));
        }
        for (Future<?> answer : sent) {
            answer.get(); // a refused or failed answer fails the loader, loudly
        }
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        System.out.printf("demo loaded: %d answers replayed%n", done.get());
    }
}
