package io.inviteflow.core.guestpage;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The guest pages' script and service worker. The script is linked with its content hash ({@code ?v=}), so phones
 * may cache it for days and still get a new version the moment it changes.
 */
@Component
public class GuestAssets {

    private final String scriptUrl;
    private final byte[] serviceWorker;

    GuestAssets() {
        this.scriptUrl = "/guest/guest.js?v=" + HexFormat.of().formatHex(sha256(read("static/guest/guest.js")), 0, 6);
        this.serviceWorker = read("guest/sw.js");
    }

    public String scriptUrl() {
        return scriptUrl;
    }

    public byte[] serviceWorker() {
        return serviceWorker.clone();
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("missing from the jar: " + path, e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
