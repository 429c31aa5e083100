package io.inviteflow.core.ticket;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import java.awt.Color;
import java.io.IOException;
import java.util.Map;

/**
 * A ticket code as a QR code (ZXing) drawn into a PDF as filled rectangles, one per run of dark modules: sharp at any
 * print size, a few hundred bytes, and no image to encode (turning a bitmap into a PDF image, pixel by pixel, took
 * most of the core's CPU while tickets were being mailed).
 */
final class TicketQr {

    private TicketQr() {
    }

    /** The code's modules, with the quiet zone of 4 modules the standard asks for; level M survives a crease. */
    static BitMatrix matrix(String code) {
        try {
            return new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("a ticket code always fits a QR code", e);
        }
    }

    /** Draws the code as a square of {@code size} points whose lower left corner is at ({@code x}, {@code y}). */
    static void draw(PDPageContentStream content, String code, float x, float y, float size) throws IOException {
        BitMatrix matrix = matrix(code);
        float module = size / matrix.getWidth();
        content.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < matrix.getHeight(); row++) {
            float top = y + size - (row + 1) * module;
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
                content.addRect(x + start * module, top, (column - start) * module, module);
            }
        }
        content.fill();
    }
}
