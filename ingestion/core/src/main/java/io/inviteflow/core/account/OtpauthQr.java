package io.inviteflow.core.account;

import com.google.zxing.common.BitMatrix;
import io.inviteflow.core.qr.QrCodes;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An {@code otpauth://} link as a QR code for an authenticator app's camera: an SVG (one rectangle per run of dark
 * modules, sharp at any size, no image library) as a {@code data:} URI a page can show as it is.
 */
final class OtpauthQr {

    private OtpauthQr() {
    }

    static String dataUri(String otpauthUri) {
        BitMatrix matrix = QrCodes.matrix(otpauthUri);
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(matrix.getWidth()).append(' ').append(matrix.getHeight())
                .append("\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"");
        QrCodes.<RuntimeException>forEachDarkRun(matrix, (row, start, length) -> svg.append('M').append(start)
                .append(' ').append(row).append('h').append(length).append("v1h-").append(length).append('z'));
        svg.append("\" fill=\"#000\"/></svg>");
        return "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
