package io.inviteflow.core.media;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;

/**
 * Serves media bytes. The key is the content's hash, so a URL's content never changes: caches may keep it for a
 * year, the ETag is the hash itself, and one byte range at a time (video seeking) is served as 206.
 */
@RestController
class MediaContentController {

    private final MediaStorage storage;

    MediaContentController(MediaStorage storage) {
        this.storage = storage;
    }

    @GetMapping("/media/{key:.+}")
    ResponseEntity<StreamingResponseBody> get(@PathVariable String key,
                                              @RequestHeader(value = HttpHeaders.RANGE, required = false) String range,
                                              @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false)
                                              String ifNoneMatch) {
        if (!MediaKeys.valid(key)) {
            return ResponseEntity.notFound().build();
        }
        long size = storage.size(key).orElse(-1L);
        if (size < 0) {
            return ResponseEntity.notFound().build();
        }
        String etag = "\"" + key.substring(0, key.indexOf('.')) + "\"";
        String contentType = MediaType.ofExtension(key.substring(key.lastIndexOf('.') + 1)).orElseThrow().contentType;
        var headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        headers.set("X-Content-Type-Options", "nosniff");
        if (ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
        }
        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        long start = 0;
        long length = size;
        HttpStatus status = HttpStatus.OK;
        if (range != null) {
            List<HttpRange> ranges;
            try {
                ranges = HttpRange.parseRanges(range);
            } catch (IllegalArgumentException e) {
                ranges = List.of();
            }
            if (ranges.size() != 1 || size == 0) {
                return unsatisfiable(headers, size);
            }
            try {
                start = ranges.get(0).getRangeStart(size);
                long end = ranges.get(0).getRangeEnd(size);
                length = end - start + 1;
            } catch (IllegalArgumentException e) {
                return unsatisfiable(headers, size);
            }
            if (start >= size) {
                return unsatisfiable(headers, size);
            }
            headers.set(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + (start + length - 1) + "/" + size);
            status = HttpStatus.PARTIAL_CONTENT;
        }
        headers.setContentLength(length);
        long from = start;
        long count = length;
        StreamingResponseBody body = out -> {
            try (InputStream in = storage.read(key, from, count)) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.status(status).headers(headers).body(body);
    }

    private static ResponseEntity<StreamingResponseBody> unsatisfiable(HttpHeaders headers, long size) {
        headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
        return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE).headers(headers).build();
    }
}
