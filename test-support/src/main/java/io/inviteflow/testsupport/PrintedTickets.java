package io.inviteflow.testsupport;

import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads a tickets PDF back as a door would: its text, and the QR code of every page, from the page printed at 200 dpi
 * (PDFBox renders it; ZXing's decoder reads it).
 */
public final class PrintedTickets {

    /** @param codes one per ticket, in page order */
    public record Read(String text, List<String> codes) {
    }

    private PrintedTickets() {
    }

    public static Read read(byte[] pdf) throws IOException {
        List<String> codes = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            PDFRenderer printer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                codes.add(decode(printer, page));
            }
            return new Read(text, codes);
        }
    }

    /** Printing resolutions tried in turn: the detector's misses depend on how many pixels a module gets. */
    private static final int[] DPIS = {200, 300, 150};

    private static String decode(PDFRenderer printer, int page) throws IOException {
        AssertionError missed = null;
        for (int dpi : DPIS) {
            try {
                return decode(printer.renderImageWithDPI(page, dpi, ImageType.GRAY));
            } catch (AssertionError e) {
                missed = e;
            }
        }
        throw missed;
    }

    /**
     * The code in an image of a printed page. ZXing's finder-pattern detector misses a few perfectly sharp codes
     * (about 1 in 1,000 ticket codes here, depending on their data; {@link #read} then prints the page again at
     * another resolution), so it is asked as ZXing advises for hard cases:
     * first as is, then trying harder with each of its two binarizers, and last the code is cut out of the page (the
     * tallest block of rows with ink, between blank rows) and read as the clean, unrotated square it is.
     */
    public static String decode(BufferedImage page) {
        List<Supplier<BinaryBitmap>> views = List.of(() -> bitmap(page, HybridBinarizer::new),
                () -> bitmap(page, GlobalHistogramBinarizer::new));
        List<Map<DecodeHintType, ?>> hints = List.of(Map.of(), Map.of(DecodeHintType.TRY_HARDER, true));
        for (Map<DecodeHintType, ?> hint : hints) {
            for (Supplier<BinaryBitmap> view : views) {
                try {
                    return new QRCodeReader().decode(view.get(), hint).getText();
                } catch (NotFoundException | ChecksumException | FormatException detectorMissed) {
                    // the next way of looking
                }
            }
        }
        try {
            return new QRCodeReader().decode(bitmap(codeArea(page), HybridBinarizer::new),
                    Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("no readable QR code on the page", e);
        }
    }

    private static BinaryBitmap bitmap(BufferedImage image, Function<LuminanceSource, Binarizer> binarizer) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new BinaryBitmap(binarizer.apply(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
    }

    /** The tallest run of rows with ink, cut to its inked columns: the QR code on a ticket page. */
    private static BufferedImage codeArea(BufferedImage page) {
        int bestTop = 0;
        int bestHeight = 0;
        int top = -1;
        for (int y = 0; y <= page.getHeight(); y++) {
            boolean ink = y < page.getHeight() && firstInk(page, y, 0, page.getWidth()) >= 0;
            if (ink && top < 0) {
                top = y;
            } else if (!ink && top >= 0) {
                if (y - top > bestHeight) {
                    bestTop = top;
                    bestHeight = y - top;
                }
                top = -1;
            }
        }
        int left = page.getWidth();
        int right = 0;
        for (int y = bestTop; y < bestTop + bestHeight; y++) {
            int first = firstInk(page, y, 0, page.getWidth());
            left = Math.min(left, first);
            for (int x = page.getWidth() - 1; x >= first; x--) {
                if (dark(page, x, y)) {
                    right = Math.max(right, x);
                    break;
                }
            }
        }
        return page.getSubimage(left, bestTop, right - left + 1, bestHeight);
    }

    private static int firstInk(BufferedImage page, int y, int from, int to) {
        for (int x = from; x < to; x++) {
            if (dark(page, x, y)) {
                return x;
            }
        }
        return -1;
    }

    private static boolean dark(BufferedImage page, int x, int y) {
        return (page.getRGB(x, y) & 0xff) < 128;
    }
}
