package io.inviteflow.core.invitation;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Locale;
import java.util.Set;

/**
 * Where a guest opened the invitation from, when the proxy or CDN in front of the core says so in a request header
 * ({@code CF-IPCountry} at Cloudflare, {@code CloudFront-Viewer-Country} at CloudFront, {@code X-Country-Code} from an
 * nginx with GeoIP2). The core never looks an address up itself, and without a header named here every open's country
 * is unknown: a header a guest could set themselves must only be named when the proxy overwrites it.
 *
 * @param countryHeader the header's name; blank: none
 */
@ConfigurationProperties("inviteflow.guest-opens")
public record OpenCountry(String countryHeader) {

    /** What CDNs send when they do not know: unknown, Tor. */
    private static final Set<String> UNKNOWN = Set.of("XX", "T1");

    /** The request's ISO 3166-1 alpha-2 country, upper case, or null (no header configured, none sent, not a code). */
    String of(HttpServletRequest request) {
        if (countryHeader == null || countryHeader.isBlank()) {
            return null;
        }
        String value = request.getHeader(countryHeader);
        if (value == null || !value.strip().matches("[A-Za-z]{2}")) {
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        return UNKNOWN.contains(code) ? null : code;
    }
}
