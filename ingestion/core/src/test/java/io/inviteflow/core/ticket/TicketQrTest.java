package io.inviteflow.core.ticket;

import io.inviteflow.core.security.SecurityProperties;
import io.inviteflow.testsupport.PrintedTickets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every ticket code reads back from its printed QR code, whatever the code (PDFBox prints, ZXing reads). */
class TicketQrTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString("k".repeat(32).getBytes());
    private static final String KEY_B = Base64.getEncoder().encodeToString("l".repeat(32).getBytes());

    @Test
    void fiveHundredRandomCodesAllReadBackFromTheirPrintedPages() throws Exception {
        TicketCodes codes = new TicketCodes(new SecurityProperties(KEY_A, Duration.ofHours(1), KEY_B, KEY_B, KEY_B,
                KEY_A, KEY_A));
        List<String> printed = new ArrayList<>();
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < 500; i++) {
                String code = codes.codeOf(UUID.randomUUID(), 1 + i % 3);
                printed.add(code);
                PDPage page = new PDPage(PDRectangle.A6);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    // text above and below, as on a ticket
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                    content.newLineAtOffset(24, 380);
                    content.showText("Garden party, Saturday 18:00");
                    content.endText();
                    TicketQr.draw(content, code, 24, 90, 250);
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 7);
                    content.newLineAtOffset(24, 40);
                    content.showText("Ticket " + code);
                    content.endText();
                }
            }
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            assertThat(PrintedTickets.read(pdf.toByteArray()).codes()).isEqualTo(printed);
        }
    }
}
