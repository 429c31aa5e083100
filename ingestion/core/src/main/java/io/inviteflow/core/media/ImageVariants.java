package io.inviteflow.core.media;

import net.coobird.thumbnailator.Thumbnails;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Phone-friendly sizes of an uploaded image (Thumbnailator): 320, 640 and 1280 pixels wide, never wider than the
 * original, turned upright by the photo's EXIF orientation. Photos become JPEG; PNG and GIF stay PNG to keep
 * transparency.
 */
final class ImageVariants {

    static final int[] WIDTHS = {320, 640, 1280};
    /** Larger images are refused before they are decoded: a small file can unpack to gigabytes of pixels. */
    static final long MAX_PIXELS = 50_000_000L;

    private ImageVariants() {
    }

    record Dimensions(int width, int height) {
    }

    /** Reads only the header. @throws IllegalArgumentException when the image cannot be read */
    static Dimensions dimensions(byte[] image) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IllegalArgumentException("the image cannot be read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new Dimensions(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the image is damaged: " + e.getMessage(), e);
        }
    }

    /** Variant bytes by width, in the format of {@link #extension}. */
    static Map<Integer, byte[]> of(byte[] image, MediaType type, Dimensions size) {
        Map<Integer, byte[]> variants = new LinkedHashMap<>();
        for (int width : WIDTHS) {
            if (width >= size.width()) {
                break;
            }
            var out = new ByteArrayOutputStream();
            try {
                Thumbnails.of(new ByteArrayInputStream(image)).width(width).outputFormat(extension(type))
                        .outputQuality(0.82).toOutputStream(out);
            } catch (IOException e) {
                throw new IllegalArgumentException("the image is damaged: " + e.getMessage(), e);
            }
            variants.put(width, out.toByteArray());
        }
        return variants;
    }

    /**
     * One copy at most {@code maxWidth} wide (the original's width if smaller), re-encoded from the pixels alone: no
     * EXIF (camera, time, GPS position) or other metadata survives.
     */
    static byte[] reencoded(byte[] image, MediaType type, Dimensions size, int maxWidth) {
        var out = new ByteArrayOutputStream();
        try {
            Thumbnails.of(new ByteArrayInputStream(image)).width(Math.min(maxWidth, size.width()))
                    .outputFormat(extension(type)).outputQuality(0.82).toOutputStream(out);
        } catch (IOException e) {
            throw new IllegalArgumentException("the image is damaged: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    static String extension(MediaType type) {
        return type == MediaType.JPEG ? "jpg" : "png";
    }
}
