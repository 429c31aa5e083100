package io.inviteflow.core.invitation;

import io.inviteflow.core.event.EventQuestions;
import io.inviteflow.core.event.Events;
import io.inviteflow.core.event.Question;
import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.web.Problems;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The guest list of an event: filter by answer, see the waitlist in order, export everything as CSV. */
@RestController
class GuestListController {

    private static final Set<String> RESPONSES = Set.of("YES", "NO", "MAYBE", "NONE");
    private static final Set<String> ATTENDANCES = Set.of("CONFIRMED", "WAITLISTED");
    private static final int EXPORT_PAGE = 1000;

    private final GuestListRepository guests;
    private final Events events;
    private final EventQuestions questions;

    GuestListController(GuestListRepository guests, Events events, EventQuestions questions) {
        this.guests = guests;
        this.events = events;
        this.questions = questions;
    }

    record GuestList(GuestListRepository.Totals totals, long matching, int offset,
                     List<GuestListRepository.GuestRow> guests) {
    }

    @GetMapping("/api/v1/events/{eventId}/guests")
    GuestList list(AuthenticatedOrganizer organizer, @PathVariable UUID eventId,
                   @RequestParam(required = false) String response, @RequestParam(required = false) String attendance,
                   @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int offset,
                   @RequestParam(defaultValue = "200") int limit) {
        events.requireOwned(eventId, organizer.id());
        var filter = filter(response, attendance, q);
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw Problems.unprocessable("limit", "offset ≥ 0 and limit between 1 and 1000");
        }
        List<GuestListRepository.Listed> listed = guests.listed(eventId, filter);
        return new GuestList(guests.totals(eventId), listed.size(), offset, guests.rows(
                listed.subList(Math.min(offset, listed.size()), (int) Math.min((long) offset + limit, listed.size()))));
    }

    /**
     * One row per person (each plus-one has their own row, so a caterer counts meals per row), a column per
     * question. Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
     */
    @GetMapping(path = "/api/v1/events/{eventId}/guests.csv")
    ResponseEntity<String> export(AuthenticatedOrganizer organizer, @PathVariable UUID eventId,
                                  @RequestParam(required = false) String response,
                                  @RequestParam(required = false) String attendance) throws IOException {
        events.requireOwned(eventId, organizer.id());
        var filter = filter(response, attendance, null);
        List<Question> asked = questions.of(eventId);
        List<String> header = new ArrayList<>(List.of("invitation", "person", "name", "email", "phone", "response",
                "attendance", "plus_ones", "answered_at", "opened", "note"));
        asked.forEach(question -> header.add(question.label()));
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
                .get())) {
            List<GuestListRepository.Listed> listed = guests.listed(eventId, filter);
            for (int offset = 0; offset < listed.size(); offset += EXPORT_PAGE) {
                List<GuestListRepository.GuestRow> page = guests.rows(
                        listed.subList(offset, Math.min(offset + EXPORT_PAGE, listed.size())));
                for (GuestListRepository.GuestRow g : page) {
                    for (int person = 0; person <= g.plusOnes(); person++) {
                        List<String> row = new ArrayList<>(List.of(g.id().toString(),
                                person == 0 ? "guest" : "plus-one " + person,
                                person == 0 ? g.name() : "", person == 0 ? nz(g.email()) : "",
                                person == 0 ? nz(g.phone()) : "", nz(g.response()), nz(g.attendance()),
                                person == 0 ? Integer.toString(g.plusOnes()) : "",
                                g.answeredAt() == null ? "" : g.answeredAt().toString(),
                                g.firstOpenedAt() == null ? "no" : "yes", person == 0 ? nz(g.note()) : ""));
                        for (Question question : asked) {
                            int who = person;
                            row.add(g.answers().stream()
                                    .filter(a -> a.questionId().equals(question.id()) && a.guest() == who)
                                    .map(QuestionAnswer::value).findFirst().orElse(""));
                        }
                        csv.printRecord(row.stream().map(GuestListController::spreadsheetSafe).toList());
                    }
                }
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"guests-" + eventId + ".csv\"")
                .body(out.toString());
    }

    private static GuestListRepository.Filter filter(String response, String attendance, String q) {
        if (response != null && !RESPONSES.contains(response)) {
            throw Problems.unprocessable("response", "response is one of " + RESPONSES);
        }
        if (attendance != null && !ATTENDANCES.contains(attendance)) {
            throw Problems.unprocessable("attendance", "attendance is one of " + ATTENDANCES);
        }
        return new GuestListRepository.Filter(response, attendance, q);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Guards against CSV injection: "=HYPERLINK(…)" typed by a guest must not run in the organizer's Excel. */
    static String spreadsheetSafe(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
