package io.inviteflow.core.contact;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContactApiIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    Api api;
    String token;

    @BeforeEach
    void organizer() {
        api = new Api(port);
        token = api.newOrganizerToken();
    }

    static Path contacts() {
        return Path.of(System.getenv().getOrDefault("INVITEFLOW_SHARED", "../../../shared"), "data", "contacts");
    }

    @Test
    void theRealVCardsImportAndASecondImportMergesInsteadOfDuplicating() throws IOException {
        List<Path> files;
        try (var list = Files.list(contacts())) {
            files = list.filter(p -> p.toString().endsWith(".vcf")).sorted().toList();
        }
        int imported = 0;
        int merged = 0;
        for (Path file : files) {
            Api.Response report = api.upload("/api/v1/contacts/import?list=Address%20book", token,
                    file.getFileName().toString(), Files.readAllBytes(file));
            assertThat(report.status()).as(report.body()).isEqualTo(200);
            assertThat(report.json().get("format").asText()).isEqualTo("vcard");
            assertThat(report.json().get("rejected")).isEmpty();
            imported += report.json().get("imported").asInt();
            merged += report.json().get("merged").asInt();
        }
        // the John Doe exports share his ibm.com address and phones: they are one person
        assertThat(imported + merged).isEqualTo(26);
        assertThat(merged).isPositive();
        JsonNode book = api.get("/api/v1/contacts?limit=500", token).json();
        assertThat(book.get("total").asInt()).isEqualTo(imported);

        JsonNode frank = find(book, "Frank Dawson");
        assertThat(values(frank.get("emails"))).containsExactly("frank_dawson@lotus.com", "fdawson@earthlink.net");
        assertThat(values(frank.get("phones"))).containsExactly("+19196769515", "+19196769564");
        assertThat(frank.get("organization").asText()).isEqualTo("Lotus Development Corporation");
        assertThat(frank.get("lists").get(0).get("name").asText()).isEqualTo("Address book");

        // the same files again: nothing new
        Api.Response again = api.upload("/api/v1/contacts/import", token, "again.vcf",
                Files.readAllBytes(contacts().resolve("rfc2426-example.vcf")));
        assertThat(again.json().get("imported").asInt()).isZero();
        assertThat(again.json().get("merged").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/contacts?limit=1", token).json().get("total").asInt()).isEqualTo(imported);
    }

    @Test
    void aCsvRowMatchingAVCardContactAddsToItAndFillsItsName() {
        api.upload("/api/v1/contacts/import", token, "a.vcf", """
                BEGIN:VCARD
                VERSION:3.0
                EMAIL:ada@example.org
                END:VCARD
                """.getBytes(StandardCharsets.UTF_8));
        Api.Response report = api.upload("/api/v1/contacts/import?region=GB", token, "b.csv", """
                name,email,phone
                Ada Lovelace,ADA@Example.org,020 7946 0018
                ,,
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(report.json().get("format").asText()).isEqualTo("csv");
        assertThat(report.json().get("imported").asInt()).isZero();
        assertThat(report.json().get("merged").asInt()).isEqualTo(1);
        assertThat(report.json().get("rejected").get(0).get("line").asInt()).isEqualTo(3);
        JsonNode ada = api.get("/api/v1/contacts?q=lovelace", token).json();
        assertThat(ada.get("total").asInt()).isEqualTo(1);
        assertThat(ada.get("contacts").get(0).get("displayName").asText()).isEqualTo("Ada Lovelace");
        assertThat(values(ada.get("contacts").get(0).get("phones"))).containsExactly("+442079460018");
    }

    @Test
    void uploadsThatAreNotContactsAreRefusedWithAProblemAndImportNothing() {
        Api.Response png = api.upload("/api/v1/contacts/import", token, "photo.png",
                new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        assertThat(png.status()).isEqualTo(415);
        assertThat(png.contentType()).startsWith("application/problem+json");
        assertThat(png.json().get("field").asText()).isEqualTo("file");

        assertThat(api.upload("/api/v1/contacts/import", token, "empty.csv", new byte[0]).status()).isEqualTo(422);
        Api.Response region = api.upload("/api/v1/contacts/import?region=XX", token, "a.csv",
                "name\nAda\n".getBytes(StandardCharsets.UTF_8));
        assertThat(region.status()).isEqualTo(422);
        assertThat(region.json().get("field").asText()).isEqualTo("region");

        byte[] tooLarge = new byte[26 * 1024 * 1024];
        java.util.Arrays.fill(tooLarge, (byte) 'a');
        assertThat(api.upload("/api/v1/contacts/import", token, "big.csv", tooLarge).status()).isEqualTo(413);
        assertThat(api.get("/api/v1/contacts", token).json().get("total").asInt()).isZero();
    }

    @Test
    void listsBelongToTheirOrganizer() {
        String listId = api.post("/api/v1/contact-lists", token, "{\"name\":\"Family\"}").json().get("id").asText();
        assertThat(api.post("/api/v1/contact-lists", token, "{\"name\":\"family\"}").status()).isEqualTo(409);
        api.upload("/api/v1/contacts/import", token, "a.csv", "name,email\nAda,ada@example.org\n".getBytes());
        String adaId = api.get("/api/v1/contacts", token).json().get("contacts").get(0).get("id").asText();

        Api.Response added = api.post("/api/v1/contact-lists/" + listId + "/members", token,
                "{\"contactIds\":[\"" + adaId + "\"]}");
        assertThat(added.json().get("size").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/contacts?list=" + listId, token).json().get("total").asInt()).isEqualTo(1);

        String other = api.newOrganizerToken();
        assertThat(api.get("/api/v1/contacts?list=" + listId, other).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/contact-lists/" + listId + "/members", other,
                "{\"contactIds\":[\"" + adaId + "\"]}").status()).isEqualTo(404);
        String otherList = api.post("/api/v1/contact-lists", other, "{\"name\":\"Mine\"}").json().get("id").asText();
        assertThat(api.post("/api/v1/contact-lists/" + otherList + "/members", other,
                "{\"contactIds\":[\"" + adaId + "\"]}").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/contacts", other).json().get("total").asInt()).isZero();
    }

    private static JsonNode find(JsonNode page, String name) {
        for (JsonNode c : page.get("contacts")) {
            if (c.get("displayName").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no contact " + name + " in " + page);
    }

    private static List<String> values(JsonNode points) {
        List<String> out = new ArrayList<>();
        points.forEach(p -> out.add(p.get("value").asText()));
        return out;
    }
}
