package io.inviteflow.core.contact;

import io.inviteflow.core.contact.imports.PointNormalizer;
import io.inviteflow.core.contact.imports.UnreadableContactsFile;
import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

@RestController
class ContactController {

    /** A 100,000-contact CSV export is about 10 MB. */
    static final long MAX_FILE_BYTES = 25L * 1024 * 1024;

    private final ContactImportService imports;
    private final ContactRepository contacts;
    private final ContactLists lists;

    ContactController(ContactImportService imports, ContactRepository contacts, ContactLists lists) {
        this.imports = imports;
        this.contacts = contacts;
        this.lists = lists;
    }

    /**
     * Imports a vCard, CSV (Google, Outlook, LinkedIn) or Facebook/Instagram JSON file, format detected from the
     * content. {@code region} is the country of phone numbers written without a country code; {@code list} puts
     * every imported or merged contact on that list (created if missing).
     */
    @PostMapping(path = "/api/v1/contacts/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ContactImportService.ImportReport importFile(AuthenticatedOrganizer organizer,
                                                 @RequestPart("file") MultipartFile file,
                                                 @RequestParam(defaultValue = "US") String region,
                                                 @RequestParam(required = false) String list) throws IOException {
        if (file.isEmpty()) {
            throw Problems.unprocessable("file", "the file is empty");
        }
        if (file.getSize() > MAX_FILE_BYTES) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                    "contacts files may be up to 25 MB (about 250,000 contacts); split larger ones");
            problem.setProperty("field", "file");
            throw new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null);
        }
        if (!PointNormalizer.knownRegion(region)) {
            throw Problems.unprocessable("region", "'" + region + "' is not an ISO 3166 country code such as DE");
        }
        if (list != null && (list.isBlank() || list.length() > 100)) {
            throw Problems.unprocessable("list", "a list name has 1 to 100 characters");
        }
        try {
            return imports.importFile(organizer.id(), file.getBytes(), region, list);
        } catch (UnreadableContactsFile e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
            problem.setTitle("Unsupported contacts file");
            problem.setProperty("field", "file");
            throw new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem, e);
        }
    }

    record ContactPage(long total, int offset, List<Contact> contacts) {
    }

    /** The address book by name; {@code q} searches names, emails and phones; {@code list} keeps one list. */
    @GetMapping("/api/v1/contacts")
    ContactPage list(AuthenticatedOrganizer organizer, @RequestParam(required = false) String q,
                     @RequestParam(required = false) UUID list,
                     @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        if (offset < 0) {
            throw Problems.unprocessable("offset", "offset must be 0 or more");
        }
        if (limit < 1 || limit > 500) {
            throw Problems.unprocessable("limit", "limit must be between 1 and 500");
        }
        if (list != null) {
            lists.requireOwned(organizer.id(), list);
        }
        ContactRepository.Page page = contacts.page(organizer.id(), q, list, offset, limit);
        return new ContactPage(page.total(), offset, page.contacts());
    }

    record NewList(@NotBlank @Size(max = 100) String name) {
    }

    @PostMapping("/api/v1/contact-lists")
    @ResponseStatus(HttpStatus.CREATED)
    ContactLists.ContactList createList(AuthenticatedOrganizer organizer, @Valid @RequestBody NewList request) {
        return lists.create(organizer.id(), request.name());
    }

    @GetMapping("/api/v1/contact-lists")
    List<ContactLists.ContactList> lists(AuthenticatedOrganizer organizer) {
        return lists.all(organizer.id());
    }

    record Members(@NotNull @Size(min = 1, max = 5000) List<@NotNull UUID> contactIds) {
    }

    @PostMapping("/api/v1/contact-lists/{listId}/members")
    ContactLists.ContactList addMembers(AuthenticatedOrganizer organizer, @PathVariable UUID listId,
                                        @Valid @RequestBody Members request) {
        lists.requireOwned(organizer.id(), listId);
        var owned = new java.util.HashSet<>(contacts.owned(organizer.id(), request.contactIds()));
        request.contactIds().stream().filter(id -> !owned.contains(id)).findFirst().ifPresent(id -> {
            throw Problems.notFound("contact", id);
        });
        contacts.addMembers(listId, owned);
        return lists.all(organizer.id()).stream().filter(l -> l.id().equals(listId)).findFirst().orElseThrow();
    }

    @DeleteMapping("/api/v1/contact-lists/{listId}/members/{contactId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(AuthenticatedOrganizer organizer, @PathVariable UUID listId, @PathVariable UUID contactId) {
        lists.requireOwned(organizer.id(), listId);
        lists.removeMember(listId, contactId);
    }
}
