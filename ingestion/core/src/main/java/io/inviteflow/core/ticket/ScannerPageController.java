package io.inviteflow.core.ticket;

import io.inviteflow.core.web.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.nio.charset.StandardCharsets;

import static io.inviteflow.core.guestpage.Html.htmlEscape;

/**
 * The door's scanner, a page for a staff member's phone: the camera reads QR codes where the browser can
 * (BarcodeDetector), and the code field takes a handheld scanner's input or typing. Each scan answers in a big coloured
 * panel: green to let in, red with the reason otherwise.
 */
@Controller
class ScannerPageController {

    private final CheckInDevices devices;

    ScannerPageController(CheckInDevices devices) {
        this.devices = devices;
    }

    @GetMapping("/checkin/{deviceToken}")
    ResponseEntity<byte[]> page(@PathVariable String deviceToken) {
        CheckInDevices.Device device = devices.byToken(deviceToken)
                .orElseThrow(() -> Problems.notFound("device", "for this link"));
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>Check-in · %s</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:0;background:#111;color:#fff}
                main{max-width:32rem;margin:auto;padding:1rem}
                video{width:100%%;border-radius:.5rem;background:#000}
                form{display:flex;gap:.5rem;margin:1rem 0}
                input{flex:1;font-size:1.1rem;padding:.6rem;border-radius:.4rem;border:0}
                button{font-size:1.1rem;padding:.6rem 1rem;border-radius:.4rem;border:0}
                #verdict{padding:1.5rem;border-radius:.6rem;font-size:1.6rem;font-weight:700;text-align:center}
                .ADMITTED{background:#1b7f3b}.waiting{background:#333}
                .ALREADY_USED,.WRONG_EVENT,.REFUNDED,.CANCELLED,.REPLACED,.INVALID,.error{background:#b3261e}
                #detail{font-size:1rem;font-weight:400;margin-top:.4rem}
                </style></head>
                <body data-device="%s"><main>
                <h1>%s</h1>
                <video id="camera" playsinline muted hidden></video>
                <form id="scan"><label for="code" hidden>Ticket code</label>
                <input id="code" name="code" autocomplete="off" autofocus placeholder="Scan or type a code">
                <button type="submit">Check</button></form>
                <div id="verdict" class="waiting" role="status" aria-live="assertive">Ready<div id="detail"></div></div>
                </main><script src="/guest/scanner.js" defer></script></body></html>
                """.formatted(htmlEscape(device.name()), htmlEscape(deviceToken), htmlEscape(device.name()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(html.getBytes(StandardCharsets.UTF_8));
    }
}
