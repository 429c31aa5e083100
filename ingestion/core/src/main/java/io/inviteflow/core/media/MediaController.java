package io.inviteflow.core.media;

import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

@RestController
class MediaController {

    private final MediaService media;

    MediaController(MediaService media) {
        this.media = media;
    }

    /** Images up to 15 MB, videos up to 100 MB; the type is read from the content. */
    @PostMapping(path = "/api/v1/events/{eventId}/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Media upload(AuthenticatedOrganizer organizer, @PathVariable UUID eventId,
                 @RequestPart("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw Problems.unprocessable("file", "the file is empty");
        }
        return media.upload(organizer.id(), eventId, file.getBytes(), file.getOriginalFilename());
    }

    @GetMapping("/api/v1/events/{eventId}/media")
    List<Media> list(AuthenticatedOrganizer organizer, @PathVariable UUID eventId) {
        return media.ofEvent(organizer.id(), eventId);
    }

    @DeleteMapping("/api/v1/events/{eventId}/media/{mediaId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(AuthenticatedOrganizer organizer, @PathVariable UUID eventId, @PathVariable UUID mediaId) {
        media.delete(organizer.id(), eventId, mediaId);
    }
}
