package io.inviteflow.core.contact.imports;

import io.inviteflow.core.contact.ContactPoint;
import io.inviteflow.core.contact.PointKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactFileReaderTest {

    private static final PointNormalizer US = new PointNormalizer("US");

    static Path contactsDir() {
        String shared = System.getenv().getOrDefault("INVITEFLOW_SHARED", "../../../shared");
        return Path.of(shared, "data", "contacts");
    }

    static Stream<Path> realVCards() throws IOException {
        return Files.list(contactsDir()).filter(p -> p.toString().endsWith(".vcf")).sorted();
    }

    /** The sample's README speaks of 24 cards; its files hold 26 (BEGIN:VCARD counted in the raw text). */
    @Test
    void everyCardOfTheSharedSampleIsRead() throws IOException {
        int cards = 0;
        int written = 0;
        for (Path file : realVCards().toList()) {
            cards += ContactFileReader.read(Files.readAllBytes(file), US).cards().size();
            written += rawCards(Files.readString(file, StandardCharsets.ISO_8859_1)).size();
        }
        assertThat(written).isEqualTo(26);
        assertThat(cards).isEqualTo(written);
    }

    /**
     * Counts the EMAIL and TEL lines of each card in the raw text (independently of ez-vcard) and expects every one
     * of them on the imported contact, next to a name.
     */
    @ParameterizedTest
    @MethodSource("realVCards")
    void everyCardImportsWithItsNameAndAllItsEmailsAndPhones(Path file) throws IOException {
        String raw = Files.readString(file, StandardCharsets.ISO_8859_1);
        List<String> cardTexts = rawCards(raw);

        ParsedContacts parsed = ContactFileReader.read(Files.readAllBytes(file), US);

        assertThat(parsed.format()).isEqualTo("vcard");
        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.cards()).hasSameSizeAs(cardTexts);
        for (int i = 0; i < cardTexts.size(); i++) {
            ContactCard card = parsed.cards().get(i);
            assertThat(card.displayName()).as("%s card %d", file.getFileName(), i).isNotBlank();
            assertThat(card.points().stream().filter(p -> p.kind() == PointKind.EMAIL))
                    .as("%s card %d emails", file.getFileName(), i).hasSize(distinct(cardTexts.get(i), "EMAIL"));
            assertThat(card.points().stream().filter(p -> p.kind() == PointKind.PHONE))
                    .as("%s card %d phones", file.getFileName(), i).hasSize(distinct(cardTexts.get(i), "TEL"));
        }
    }

    @Test
    void phonesBecomeE164InTheOrganizersRegionAndIncompleteOnesAreKeptAsWritten() throws IOException {
        ParsedContacts parsed = ContactFileReader.read(
                Files.readAllBytes(contactsDir().resolve("John_Doe_IPHONE.vcf")), US);
        List<ContactPoint> phones = parsed.cards().get(0).points().stream()
                .filter(p -> p.kind() == PointKind.PHONE).toList();
        assertThat(phones).extracting(ContactPoint::value).contains("+19055551234", "+19056661234");
        assertThat(phones).allMatch(ContactPoint::usable);

        ParsedContacts android = ContactFileReader.read(
                Files.readAllBytes(contactsDir().resolve("John_Doe_ANDROID.vcf")), US);
        assertThat(android.cards().get(2).points()).containsExactly(
                new ContactPoint(PointKind.PHONE, "123456789", false, "cell"));
        assertThat(android.warnings()).anySatisfy(w -> assertThat(w.reason()).contains("123456789"));
        // no name in the card: the email stands in, and says so
        assertThat(android.cards().get(0).displayName()).isEqualTo("john.doe@company.com");
        assertThat(android.cards().get(0).nameFromPoint()).isTrue();
        // vCard 2.1 quoted-printable UTF-8 names are decoded
        assertThat(android.cards().get(2).displayName()).isEqualTo("Ñ Ñ Ñ Ñ Ñ");
    }

    @Test
    void aBrokenCardIsRejectedWithItsLineAndTheOthersImport() {
        String file = """
                BEGIN:VCARD
                VERSION:3.0
                FN:Ada Lovelace
                EMAIL:ada@example.org
                END:VCARD
                garbage between cards
                BEGIN:VCARD
                VERSION:3.0
                NOTE:no name and nothing to reach
                END:VCARD
                BEGIN:VCARD
                VERSION:3.0
                FN:Grace Hopper
                TEL:+1 202 555 0142
                END:VCARD
                BEGIN:VCARD
                VERSION:3.0
                FN:Never ended
                """;
        ParsedContacts parsed = ContactFileReader.read(file.getBytes(StandardCharsets.UTF_8), US);

        assertThat(parsed.cards()).extracting(ContactCard::displayName).containsExactly("Ada Lovelace", "Grace Hopper");
        assertThat(parsed.rejected()).containsExactly(
                new ImportIssue(6, "text outside BEGIN:VCARD … END:VCARD"),
                new ImportIssue(7, "no name, email, phone or profile"),
                new ImportIssue(16, "card has no END:VCARD"));
    }

    @Test
    void googleContactsCsvWithSeveralValuesInOneCell() {
        String csv = """
                First Name,Middle Name,Last Name,Organization Name,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value
                Ada,,Lovelace,Analytical Engines,* Home,ada@example.org ::: ada@work.example,Mobile,+44 20 7946 0018,Home,
                ,,,,,,Mobile,(202) 555-0142,,
                Broken,,Row,,,,
                """;
        ParsedContacts parsed = ContactFileReader.read(csv.getBytes(StandardCharsets.UTF_8), US);

        assertThat(parsed.format()).isEqualTo("google-csv");
        assertThat(parsed.cards()).hasSize(2);
        ContactCard ada = parsed.cards().get(0);
        assertThat(ada.line()).isEqualTo(2);
        assertThat(ada.displayName()).isEqualTo("Ada Lovelace");
        assertThat(ada.organization()).isEqualTo("Analytical Engines");
        assertThat(ada.points()).extracting(ContactPoint::value)
                .containsExactly("ada@example.org", "ada@work.example", "+442079460018");
        assertThat(parsed.cards().get(1).displayName()).isEqualTo("+12025550142");
        assertThat(parsed.rejected()).containsExactly(new ImportIssue(4, "has 7 fields where the header has 10"));
    }

    @Test
    void outlookCsvWithSemicolonsAndWindows1252() {
        String csv = "First Name;Last Name;Company;E-mail Address;E-mail 2 Address;Mobile Phone;Business Phone\r\n"
                + "Jos\u00e9;M\u00fcller;ACME;jose@example.com;;+49 30 1234567;\r\n"
                + ";;;not-an-address;;;\r\n";
        ParsedContacts parsed = ContactFileReader.read(csv.getBytes(java.nio.charset.Charset.forName("windows-1252")),
                new PointNormalizer("DE"));

        assertThat(parsed.format()).isEqualTo("outlook-csv");
        assertThat(parsed.cards().get(0).displayName()).isEqualTo("José Müller");
        assertThat(parsed.cards().get(0).points()).containsExactly(
                new ContactPoint(PointKind.EMAIL, "jose@example.com", true, null),
                new ContactPoint(PointKind.PHONE, "+49301234567", true, "mobile"));
        assertThat(parsed.cards().get(1).points().get(0).usable()).isFalse();
        assertThat(parsed.warnings()).containsExactly(
                new ImportIssue(3, "email 'not-an-address' is not an address; kept but not used"));
    }

    @Test
    void linkedInConnectionsAfterTheirPreamble() {
        String csv = """
                Notes:
                "When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"

                First Name,Last Name,URL,Email Address,Company,Position,Connected On
                Grace,Hopper,https://www.linkedin.com/in/gracehopper,,US Navy,Rear Admiral,01 Jan 2020
                "Margaret","Hamilton","https://www.linkedin.com/in/mhamilton","margaret@example.org","NASA","Director","15 Mar 2021"
                """;
        ParsedContacts parsed = ContactFileReader.read(csv.getBytes(StandardCharsets.UTF_8), US);

        assertThat(parsed.format()).isEqualTo("linkedin-csv");
        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.cards()).extracting(ContactCard::line).containsExactly(5, 6);
        assertThat(parsed.cards().get(0).points()).containsExactly(
                new ContactPoint(PointKind.LINKEDIN, "linkedin.com/in/gracehopper", true, null));
    }

    @Test
    void anUnclosedQuoteStopsTheFileButKeepsWhatCameBefore() {
        String csv = "name,email\nAda,ada@example.org\n\"Grace,grace@example.org\nAlan,alan@example.org\n";
        ParsedContacts parsed = ContactFileReader.read(csv.getBytes(StandardCharsets.UTF_8), US);

        assertThat(parsed.cards()).extracting(ContactCard::displayName).containsExactly("Ada");
        assertThat(parsed.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.reason()).contains("never closed");
        });
    }

    @Test
    void facebookFriendsWithTheirMojibakeRepaired() {
        String json = """
                {
                  "friends_v2": [
                    {"name": "Jos\\u00c3\\u00a9 Garc\\u00c3\\u00ada", "timestamp": 1528047120},
                    {"name": "Ada Lovelace", "timestamp": 1528047121},
                    {"timestamp": 1528047122}
                  ]
                }""";
        ParsedContacts parsed = ContactFileReader.read(json.getBytes(StandardCharsets.UTF_8), US);

        assertThat(parsed.format()).isEqualTo("facebook-json");
        assertThat(parsed.cards()).extracting(ContactCard::displayName).containsExactly("José García", "Ada Lovelace");
        assertThat(parsed.rejected()).containsExactly(new ImportIssue(5, "no name, email, phone or profile"));
    }

    @Test
    void instagramFollowersAndFollowing() {
        String followers = """
                [
                  {"title": "", "media_list_data": [],
                   "string_list_data": [{"href": "https://www.instagram.com/ada.codes", "value": "ada.codes", "timestamp": 1}]}
                ]""";
        String following = """
                {"relationships_following": [
                  {"title": "grace_h", "string_list_data": [{"href": "https://www.instagram.com/_u/grace_h", "timestamp": 2}]}
                ]}""";
        assertThat(ContactFileReader.read(followers.getBytes(StandardCharsets.UTF_8), US).cards().get(0).points())
                .containsExactly(new ContactPoint(PointKind.INSTAGRAM, "ada.codes", true, null));
        ParsedContacts parsed = ContactFileReader.read(following.getBytes(StandardCharsets.UTF_8), US);
        assertThat(parsed.format()).isEqualTo("instagram-json");
        assertThat(parsed.cards().get(0).displayName()).isEqualTo("grace_h");
    }

    @Test
    void filesThatAreNotContactsAreRefusedAsAWhole() {
        assertThatThrownBy(() -> ContactFileReader.read(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}, US))
                .isInstanceOf(UnreadableContactsFile.class).hasMessageContaining("binary");
        assertThatThrownBy(() -> ContactFileReader.read("just some prose\nwithout columns".getBytes(), US))
                .isInstanceOf(UnreadableContactsFile.class).hasMessageContaining("CSV header");
        assertThatThrownBy(() -> ContactFileReader.read("{\"posts\": []}".getBytes(), US))
                .isInstanceOf(UnreadableContactsFile.class).hasMessageContaining("Facebook");
        assertThatThrownBy(() -> ContactFileReader.read("{\"friends_v2\": [".getBytes(), US))
                .isInstanceOf(UnreadableContactsFile.class).hasMessageContaining("JSON");
    }

    private static List<String> rawCards(String raw) {
        String unfolded = raw.replaceAll("\r?\n[ \t]", "").replaceAll("=\r?\n", "");
        Matcher m = Pattern.compile("(?is)^BEGIN:VCARD.*?^END:VCARD", Pattern.MULTILINE).matcher(unfolded);
        List<String> cards = new java.util.ArrayList<>();
        while (m.find()) {
            cards.add(m.group());
        }
        return cards;
    }

    /** Distinct values of a property in a card's raw text, so a file that lists one number twice counts it once. */
    private static int distinct(String card, String property) {
        Matcher m = Pattern.compile("(?im)^(?:item\\d+\\.)?" + property + "[;:][^\r\n]*?:?([^:\r\n]*)$").matcher(card);
        java.util.Set<String> values = new java.util.HashSet<>();
        while (m.find()) {
            values.add(m.group(0).substring(m.group(0).lastIndexOf(':') + 1).replaceAll("[^0-9A-Za-z@.=]", "")
                    .toLowerCase());
        }
        return values.size();
    }
}
