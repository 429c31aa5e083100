package io.inviteflow.core.account;

import io.inviteflow.testsupport.PrintedTickets;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class OtpauthQrTest {

    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z");
    private static final Pattern SIZE = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

    @Test
    void theQrCodeReadsBackAsTheLink() {
        String link = TotpCodes.otpauthUri(TotpCodes.newSecret(), "ada+events@example.org");

        String svg = new String(Base64.getDecoder().decode(OtpauthQr.dataUri(link)
                .substring("data:image/svg+xml;base64,".length())), StandardCharsets.US_ASCII);

        assertThat(PrintedTickets.decode(draw(svg, 8))).isEqualTo(link);
    }

    /** The SVG's runs of dark modules, drawn as a camera would see them. */
    private static BufferedImage draw(String svg, int scale) {
        Matcher size = SIZE.matcher(svg);
        assertThat(size.find()).isTrue();
        int width = Integer.parseInt(size.group(1));
        BufferedImage image = new BufferedImage(width * scale, width * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        Matcher run = RUN.matcher(svg);
        while (run.find()) {
            g.fillRect(Integer.parseInt(run.group(1)) * scale, Integer.parseInt(run.group(2)) * scale,
                    Integer.parseInt(run.group(3)) * scale, scale);
        }
        g.dispose();
        return image;
    }
}
