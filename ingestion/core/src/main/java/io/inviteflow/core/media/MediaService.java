package io.inviteflow.core.media;

import io.inviteflow.core.CoreProperties;
import io.inviteflow.core.event.Events;
import io.inviteflow.core.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.ErrorResponseException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes an upload: checks what it really is and how big, stores the original and (for images) its phone sizes under
 * the content hash, then records it. Objects are written before the row: a crash between the two leaves an unused
 * object, never a row pointing at nothing.
 */
@Service
public class MediaService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MediaService.class);

    static final long MAX_IMAGE_BYTES = 15L * 1024 * 1024;
    static final long MAX_VIDEO_BYTES = 100L * 1024 * 1024;

    private final MediaStorage storage;
    private final MediaRepository repository;
    private final Events events;
    private final CoreProperties properties;

    MediaService(MediaStorage storage, MediaRepository repository, Events events, CoreProperties properties) {
        this.storage = storage;
        this.repository = repository;
        this.events = events;
        this.properties = properties;
    }

    Media upload(UUID organizerId, UUID eventId, byte[] content, String originalName) {
        events.requireOwned(eventId, organizerId);
        Stored stored = store(content, false);
        var row = new MediaRepository.Row(UUID.randomUUID(), eventId, stored.type().image ? "IMAGE" : "VIDEO",
                stored.type().contentType, content.length, stored.sha256(), stored.key(), stored.width(),
                stored.height(), stored.variantWidths(),
                originalName == null ? null : originalName.replace("\u0000", ""), null);
        repository.insert(row);
        return view(repository.find(row.id()).orElseThrow());
    }

    /**
     * A guest's photo for the wall: JPEG, PNG or GIF, checked like the organizer's, then kept only as a re-encoded
     * copy at most 640 pixels wide. The original is never stored: its metadata (a phone photo's GPS position) must
     * not reach the other guests. Not part of the event's media library. Returns the copy's URL.
     */
    public String storeGuestPhoto(byte[] content) {
        MediaType type = MediaType.sniff(content).filter(t -> t.image && t != MediaType.WEBP)
                .orElseThrow(() -> refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "only JPEG, PNG and GIF images are accepted"));
        if (content.length > MAX_IMAGE_BYTES) {
            throw refuse(HttpStatus.PAYLOAD_TOO_LARGE, "images may be up to " + MAX_IMAGE_BYTES / (1024 * 1024)
                    + " MB; this one has " + content.length / (1024 * 1024) + " MB");
        }
        byte[] copy;
        try {
            ImageVariants.Dimensions size = ImageVariants.dimensions(content);
            if ((long) size.width() * size.height() > ImageVariants.MAX_PIXELS) {
                throw Problems.unprocessable("file", "images may have up to 50 megapixels");
            }
            copy = ImageVariants.reencoded(content, type, size, GUEST_PHOTO_WIDTH);
        } catch (IllegalArgumentException e) {
            throw Problems.unprocessable("file", e.getMessage());
        }
        String extension = ImageVariants.extension(type);
        String key = MediaKeys.variant(sha256(copy), GUEST_PHOTO_WIDTH, extension);
        storage.put(key, copy, MediaType.ofExtension(extension).orElseThrow().contentType);
        return url(key);
    }

    static final int GUEST_PHOTO_WIDTH = 640;

    private record Stored(MediaType type, String sha256, String key, Integer width, Integer height,
                          List<Integer> variantWidths) {
    }

    /** Objects are written before any row that points at them. */
    private Stored store(byte[] content, boolean imagesOnly) {
        MediaType type = MediaType.sniff(content).filter(t -> t.image || !imagesOnly)
                .orElseThrow(() -> refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, imagesOnly
                        ? "only JPEG, PNG, GIF and WebP images are accepted"
                        : "only JPEG, PNG, GIF and WebP images and MP4, MOV and WebM videos are accepted"));
        long limit = type.image ? MAX_IMAGE_BYTES : MAX_VIDEO_BYTES;
        if (content.length > limit) {
            throw refuse(HttpStatus.PAYLOAD_TOO_LARGE, (type.image ? "images" : "videos") + " may be up to "
                    + limit / (1024 * 1024) + " MB; this one has " + content.length / (1024 * 1024) + " MB");
        }
        String sha256 = sha256(content);
        String key = MediaKeys.original(sha256, type.extension);
        Integer width = null;
        Integer height = null;
        List<Integer> variantWidths = new ArrayList<>();
        if (type.image && type != MediaType.WEBP) { // the JDK reads no WebP: kept as uploaded, without sizes
            ImageVariants.Dimensions size;
            try {
                size = ImageVariants.dimensions(content);
            } catch (IllegalArgumentException e) {
                throw Problems.unprocessable("file", e.getMessage());
            }
            if ((long) size.width() * size.height() > ImageVariants.MAX_PIXELS) {
                throw Problems.unprocessable("file", "images may have up to 50 megapixels");
            }
            width = size.width();
            height = size.height();
            Map<Integer, byte[]> variants;
            try {
                variants = ImageVariants.of(content, type, size);
            } catch (IllegalArgumentException e) {
                throw Problems.unprocessable("file", e.getMessage());
            }
            String extension = ImageVariants.extension(type);
            variants.forEach((w, bytes) -> storage.put(MediaKeys.variant(sha256, w, extension), bytes,
                    MediaType.ofExtension(extension).orElseThrow().contentType));
            variantWidths.addAll(variants.keySet());
        }
        storage.put(key, content, type.contentType);
        return new Stored(type, sha256, key, width, height, variantWidths);
    }

    /**
     * Once the caller's transaction has committed (an erasure, which emptied the posts): the guests' photos' stored
     * copies, unless another post still shows the same one (copies are stored by content hash). A storage that fails
     * then leaves the file, logged: the post no longer links to it.
     */
    public void deleteGuestPhotosAfterCommit(List<String> urls) {
        if (urls.isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                for (String url : urls) {
                    String key = url.substring(url.lastIndexOf("/media/") + "/media/".length());
                    try {
                        if (MediaKeys.valid(key) && !repository.guestPhotoShown(key)) {
                            storage.delete(key);
                        }
                    } catch (RuntimeException e) {
                        log.warn("an erased guest's photo {} stays in media storage: {}", key, e.toString());
                    }
                }
            }
        });
    }

    /**
     * Deletes the events' media records (their organizer's account closes) and, once the caller's transaction has
     * committed, the stored files and their sizes that no other record or post still shows (copies are stored by
     * content hash). A storage that fails then leaves the file, logged: nothing links to it any more.
     *
     * @return how many records went
     */
    public int deleteEventMedia(List<UUID> eventIds) {
        List<MediaRepository.Row> rows = repository.deleteOfEvents(eventIds);
        if (rows.isEmpty()) {
            return 0;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                rows.forEach(MediaService.this::deleteStoredUnlessShown);
            }
        });
        return rows.size();
    }

    private void deleteStoredUnlessShown(MediaRepository.Row row) {
        try {
            if (repository.bytesShown(row.sha256(), row.objectKey())) {
                return;
            }
            storage.delete(row.objectKey());
            for (int width : row.variantWidths()) {
                storage.delete(MediaKeys.variant(row.sha256(), width, variantExtension(row.objectKey())));
            }
        } catch (RuntimeException e) {
            log.warn("a closed event's media {} stays in media storage: {}", row.objectKey(), e.toString());
        }
    }

    List<Media> ofEvent(UUID organizerId, UUID eventId) {
        events.requireOwned(eventId, organizerId);
        return repository.ofEvent(eventId).stream().map(this::view).toList();
    }

    /** Removes the record; the object stays, as another upload of the same bytes may share it. */
    void delete(UUID organizerId, UUID eventId, UUID mediaId) {
        events.requireOwned(eventId, organizerId);
        MediaRepository.Row row = repository.find(mediaId).filter(r -> r.eventId().equals(eventId))
                .orElseThrow(() -> Problems.notFound("media", mediaId));
        repository.delete(row.id());
    }

    private Media view(MediaRepository.Row r) {
        String variantExtension = variantExtension(r.objectKey());
        List<Media.Variant> variants = r.variantWidths().stream()
                .map(w -> new Media.Variant(w, url(MediaKeys.variant(r.sha256(), w, variantExtension)))).toList();
        return new Media(r.id(), r.eventId(), r.kind(), r.contentType(), r.bytes(), r.width(), r.height(),
                url(r.objectKey()), variants, r.originalName(), r.createdAt().toInstant());
    }

    /** Smaller sizes of a JPEG are JPEGs; of anything else, PNGs. */
    private static String variantExtension(String objectKey) {
        return "jpg".equals(objectKey.substring(objectKey.lastIndexOf('.') + 1)) ? "jpg" : "png";
    }

    private String url(String key) {
        return properties.publicUrl().resolve("/media/" + key).toString();
    }

    private static ErrorResponseException refuse(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("field", "file");
        return new ErrorResponseException(status, problem, null);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
