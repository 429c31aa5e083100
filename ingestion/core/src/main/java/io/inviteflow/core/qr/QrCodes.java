package io.inviteflow.core.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.util.Map;

/**
 * QR codes (ZXing) as runs of dark modules, for drawing them as rectangles — in a PDF (tickets), in an SVG (an
 * authenticator app's link): sharp at any size, small, and no bitmap to encode.
 */
public final class QrCodes {

    /** A run of dark modules in one row: from column {@code start}, {@code length} modules long. */
    @FunctionalInterface
    public interface RunConsumer<E extends Exception> {
        void run(int row, int start, int length) throws E;
    }

    private QrCodes() {
    }

    /** The text's modules, with the quiet zone of 4 modules the standard asks for; level M survives a crease. */
    public static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("too long for a QR code: " + text.length() + " characters", e);
        }
    }

    /** Every run of dark modules, row by row, left to right. */
    public static <E extends Exception> void forEachDarkRun(BitMatrix matrix, RunConsumer<E> consumer) throws E {
        for (int row = 0; row < matrix.getHeight(); row++) {
            int column = 0;
            while (column < matrix.getWidth()) {
                if (!matrix.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < matrix.getWidth() && matrix.get(column, row)) {
                    column++;
                }
                consumer.run(row, start, column - start);
            }
        }
    }
}
