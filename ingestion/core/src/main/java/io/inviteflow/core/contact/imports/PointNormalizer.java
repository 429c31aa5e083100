package io.inviteflow.core.contact.imports;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.inviteflow.core.contact.ContactPoint;
import io.inviteflow.core.contact.PointKind;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises what files say into {@link ContactPoint}s so the same person is recognised across imports: emails
 * lower-cased, phones in E.164 (libphonenumber; numbers written without a country code are read in the organizer's
 * region), handles lower-cased without URL decoration.
 */
public final class PointNormalizer {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>(),;:\"\\[\\]]+@[^@\\s<>(),;:\"\\[\\]]+\\.[^@\\s<>(),;:\"\\[\\].]{2,}");

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern URL_PREFIX = Pattern.compile("^(https?://)?(www\\.)?");
    private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");
    private static final Pattern INSTAGRAM = Pattern.compile("^instagram\\.com/(_u/)?|^@");
    private static final Pattern TWITTER = Pattern.compile("^(twitter|x)\\.com/|^@");

    private final String region;

    /** @param region ISO 3166 code of the country numbers without a country code belong to, e.g. {@code DE} */
    public PointNormalizer(String region) {
        this.region = region.toUpperCase(Locale.ROOT);
    }

    public static boolean knownRegion(String region) {
        return region != null && PHONES.getSupportedRegions().contains(region.toUpperCase(Locale.ROOT));
    }

    public static boolean isEmailAddress(String value) {
        return value != null && EMAIL.matcher(value).matches();
    }

    public ContactPoint email(String raw, String label) {
        String value = stripPrefix(raw.strip(), "mailto:").toLowerCase(Locale.ROOT);
        return new ContactPoint(PointKind.EMAIL, value, isEmailAddress(value), label);
    }

    public ContactPoint phone(String raw, String label) {
        String written = SPACES.matcher(stripPrefix(raw.strip(), "tel:")).replaceAll(" ");
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(written, region);
            if (PHONES.isPossibleNumber(number)) {
                return new ContactPoint(PointKind.PHONE, PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
                        true, label);
            }
        } catch (NumberParseException notANumber) {
            // kept as written below
        }
        return new ContactPoint(PointKind.PHONE, written, false, label);
    }

    /** A social profile from a URL or a bare handle ({@code @ada}, {@code ada}). */
    public ContactPoint profile(PointKind kind, String raw) {
        String value = TRAILING_SLASHES.matcher(URL_PREFIX.matcher(raw.strip().toLowerCase(Locale.ROOT))
                .replaceFirst("")).replaceFirst("");
        value = switch (kind) {
            case INSTAGRAM -> INSTAGRAM.matcher(value).replaceFirst("");
            case TWITTER -> TWITTER.matcher(value).replaceFirst("");
            default -> value;
        };
        return new ContactPoint(kind, value, !value.isEmpty(), null);
    }

    private static String stripPrefix(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length()) ? value.substring(prefix.length()) : value;
    }
}
