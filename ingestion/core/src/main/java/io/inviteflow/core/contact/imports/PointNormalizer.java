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
        String written = stripPrefix(raw.strip(), "tel:").replaceAll("\\s+", " ");
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
        String value = raw.strip().toLowerCase(Locale.ROOT)
                .replaceFirst("^https?://", "").replaceFirst("^www\\.", "").replaceFirst("/+$", "");
        value = switch (kind) {
            case INSTAGRAM -> value.replaceFirst("^instagram\\.com/(_u/)?", "").replaceFirst("^@", "");
            case TWITTER -> value.replaceFirst("^(twitter|x)\\.com/", "").replaceFirst("^@", "");
            default -> value;
        };
        return new ContactPoint(kind, value, !value.isEmpty(), null);
    }

    private static String stripPrefix(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length()) ? value.substring(prefix.length()) : value;
    }
}
