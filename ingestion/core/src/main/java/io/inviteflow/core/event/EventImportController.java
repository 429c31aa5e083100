package io.inviteflow.core.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.web.Problems;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Imports events exported from Eventbrite or Meetup; each event on its own, so one bad entry spoils nothing else. */
@RestController
class EventImportController {

    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    private final EventService service;
    private final EventRepository repository;
    private final ObjectMapper json;
    private final Validator validator;

    EventImportController(EventService service, EventRepository repository, ObjectMapper json, Validator validator) {
        this.service = service;
        this.repository = repository;
        this.json = json;
        this.validator = validator;
    }

    record Imported(UUID id, String title, String source) {
    }

    /** @param index the entry's position in the file (0-based) */
    record Rejected(int index, String reason) {
    }

    record ImportReport(List<Imported> imported, List<Imported> skipped, List<Rejected> rejected) {
    }

    @PostMapping(path = "/api/v1/events/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport importFile(AuthenticatedOrganizer organizer, @RequestPart("file") MultipartFile file)
            throws IOException {
        if (file.isEmpty() || file.getSize() > MAX_FILE_BYTES) {
            throw Problems.unprocessable("file", "the file must hold 1 byte to 10 MB of JSON");
        }
        JsonNode root;
        try {
            root = json.readTree(file.getBytes());
        } catch (JsonProcessingException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "not a JSON export of Eventbrite or Meetup: " + e.getOriginalMessage());
            problem.setProperty("field", "file");
            throw new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem, e);
        }
        List<Imported> imported = new ArrayList<>();
        List<Imported> skipped = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (ExternalEvents.Entry entry : ExternalEvents.read(root)) {
            if (entry.problem() != null) {
                rejected.add(new Rejected(entry.index(), entry.problem()));
                continue;
            }
            var existing = repository.findBySource(organizer.id(), entry.source());
            if (existing.isPresent()) {
                skipped.add(new Imported(existing.get().id(), existing.get().title(), entry.source()));
                continue;
            }
            Set<ConstraintViolation<NewEvent>> violations = validator.validate(entry.event());
            if (!violations.isEmpty()) {
                rejected.add(new Rejected(entry.index(), violations.stream()
                        .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                        .map(v -> v.getPropertyPath() + " " + v.getMessage()).findFirst().orElseThrow()));
                continue;
            }
            try {
                PartyEvent event = service.create(organizer.id(), entry.event(), entry.source());
                imported.add(new Imported(event.id(), event.title(), entry.source()));
            } catch (ErrorResponseException e) {
                rejected.add(new Rejected(entry.index(), e.getBody().getDetail()));
            }
        }
        return new ImportReport(imported, skipped, rejected);
    }
}
