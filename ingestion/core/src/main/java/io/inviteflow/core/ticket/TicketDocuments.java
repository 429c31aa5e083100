package io.inviteflow.core.ticket;

import io.inviteflow.core.event.Events;
import io.inviteflow.core.event.PartyEvent;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Printable tickets (PDFBox): one A6 page per ticket with the event, the holder, the tier and the signed QR code the
 * door scans. Names in any script print when a Unicode font is installed (DejaVu Sans, Debian's fonts-dejavu-core);
 * without one, Helvetica prints what it can and marks the rest "?".
 */
@Component
public class TicketDocuments {

    private static final File UNICODE_FONT = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private final Events events;
    private final TicketCodes codes;

    TicketDocuments(Events events, TicketCodes codes) {
        this.events = events;
        this.codes = codes;
    }

    public byte[] pdf(UUID eventId, List<Ticket> tickets) {
        PartyEvent event = events.find(eventId).orElseThrow();
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont font = fontFor(document, event, tickets);
            for (Ticket ticket : tickets) {
                page(document, font, event, ticket);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the tickets' PDF", e);
        }
    }

    /**
     * Helvetica (built into every PDF reader: nothing embedded) when it can print every name on the tickets, which is
     * most of them; else the Unicode font, subset into the document. Loading and subsetting a TrueType font costs
     * more than the rest of the PDF, and tickets are made for every paid order's mail.
     */
    private static PDFont fontFor(PDDocument document, PartyEvent event, List<Ticket> tickets) throws IOException {
        PDFont helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        boolean latin = encodable(helvetica, event.title()) && encodable(helvetica, event.timeZone())
                && (event.venue() == null || event.venue().name() == null || encodable(helvetica, event.venue().name()))
                && tickets.stream().allMatch(t -> encodable(helvetica, t.holderName())
                && encodable(helvetica, t.tierName()));
        return latin || !UNICODE_FONT.canRead() ? helvetica : PDType0Font.load(document, UNICODE_FONT);
    }

    private static boolean encodable(PDFont font, String text) {
        try {
            font.encode(text + " — ·");
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private void page(PDDocument document, PDFont font, PartyEvent event, Ticket ticket) throws IOException {
        PDPage page = new PDPage(PDRectangle.A6);
        document.addPage(page);
        float width = page.getMediaBox().getWidth();
        float height = page.getMediaBox().getHeight();
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            float y = height - 36;
            y = line(content, font, 14, event.title(), 24, y);
            String when = event.startsAt().atZoneSameInstant(ZoneId.of(event.timeZone())).format(WHEN);
            y = line(content, font, 9, when + " (" + event.timeZone() + ")", 24, y);
            if (event.venue() != null && event.venue().name() != null) {
                y = line(content, font, 9, event.venue().name(), 24, y);
            }
            y = line(content, font, 11, ticket.tierName() + " — " + ticket.holderName(), 24, y - 6);
            float size = Math.min(width - 48, y - 60);
            TicketQr.draw(content, codes.codeOf(ticket.id(), ticket.codeVersion()), (width - size) / 2, y - size - 8,
                    size);
            String status = ticket.status() == Ticket.Status.VALID ? "" : "  " + ticket.status() + ": NOT VALID";
            line(content, font, 7, "Ticket " + ticket.id() + status, 24, 40);
            line(content, font, 7, "Show this code at the door. It lets one person in, once.", 24, 28);
        }
    }

    private static float line(PDPageContentStream content, PDFont font, float size, String text, float x, float y)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(printable(font, text));
        content.endText();
        return y - size * 1.5f;
    }

    /** What the font can draw: PDFBox refuses a whole line for one glyph the font lacks. */
    private static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = Character.toString(cp);
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
