package io.inviteflow.core.ticket;

import com.google.zxing.common.BitMatrix;
import io.inviteflow.core.qr.QrCodes;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import java.awt.Color;
import java.io.IOException;

/**
 * A ticket code as a QR code drawn into a PDF as filled rectangles, one per run of dark modules ({@link QrCodes}):
 * sharp at any print size, a few hundred bytes, and no image to encode (turning a bitmap into a PDF image, pixel by
 * pixel, took most of the core's CPU while tickets were being mailed).
 */
final class TicketQr {

    private TicketQr() {
    }

    /** Draws the code as a square of {@code size} points whose lower left corner is at ({@code x}, {@code y}). */
    static void draw(PDPageContentStream content, String code, float x, float y, float size) throws IOException {
        BitMatrix matrix = QrCodes.matrix(code);
        float module = size / matrix.getWidth();
        content.setNonStrokingColor(Color.BLACK);
        QrCodes.<IOException>forEachDarkRun(matrix, (row, start, length) ->
                content.addRect(x + start * module, y + size - (row + 1) * module, length * module, module));
        content.fill();
    }
}
