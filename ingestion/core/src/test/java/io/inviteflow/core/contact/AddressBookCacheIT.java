package io.inviteflow.core.contact;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The address book is opened and ordered once per change ({@link AddressBookCache}): every change, through the API or
 * straight in the database as another core would make it, shows on the next page; an import of many contacts
 * counts as a handful of changes, not one per contact.
 */
class AddressBookCacheIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AddressBookCache books;

    @Test
    void everyChangeShowsOnTheNextPage() {
        var api = new Api(port);
        String token = api.newOrganizerToken();
        UUID organizer = UUID.fromString(api.get("/api/v1/organizers/me", token).json().get("id").asText());
        importCsv(api, token, "Zoe Zed,zoe@example.org", "Ada Byron,ada@example.org", "émile Zola,emile@example.org");
        assertThat(names(api, token, "")).containsExactly("Ada Byron", "émile Zola", "Zoe Zed");
        assertThat(names(api, token, "?q=EXAMPLE.org&limit=2")).as("a search, paged").hasSize(2);
        assertThat(books.of(organizer, version -> {
            throw new AssertionError("an unchanged book is not read again");
        }).ordered()).hasSize(3);
        long before = version(organizer);

        importCsv(api, token, "Grace Hopper,grace@example.org");
        assertThat(names(api, token, "")).containsExactly("Ada Byron", "émile Zola", "Grace Hopper", "Zoe Zed");
        assertThat(names(api, token, "?q=grace@")).as("the search text is read anew too").containsExactly("Grace Hopper");

        String list = api.post("/api/v1/contact-lists", token, "{\"name\":\"Friends\"}").json().get("id").asText();
        String ada = ids(api, token, "?q=ada").get(0);
        api.post("/api/v1/contact-lists/" + list + "/members", token, "{\"contactIds\":[\"" + ada + "\"]}");
        assertThat(names(api, token, "?list=" + list)).containsExactly("Ada Byron");
        assertThat(api.delete("/api/v1/contact-lists/" + list + "/members/" + ada, token).status()).isEqualTo(204);
        assertThat(names(api, token, "?list=" + list)).isEmpty();

        jdbc.sql("DELETE FROM contact WHERE id = :id").param("id", UUID.fromString(ada)).update(); // as another core
        assertThat(names(api, token, "")).containsExactly("émile Zola", "Grace Hopper", "Zoe Zed");
        // the import (contacts, points), the list, a member added then taken off, the deletion (and its cascade)
        assertThat(version(organizer) - before).as("steps per statement, not per row").isBetween(5L, 15L);
    }

    @Test
    void anImportOfManyContactsIsAFewChanges() {
        var api = new Api(port);
        String token = api.newOrganizerToken();
        UUID organizer = UUID.fromString(api.get("/api/v1/organizers/me", token).json().get("id").asText());
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            rows.add("Guest " + i + ",guest-" + i + "@example.org");
        }
        importCsv(api, token, rows.toArray(String[]::new));

        assertThat(version(organizer)).as("statements, not rows").isBetween(1L, 10L);
        assertThat(api.get("/api/v1/contacts?q=guest-1999@", token).json().get("total").asInt()).isEqualTo(1);
    }

    private long version(UUID organizer) {
        return jdbc.sql("SELECT coalesce((SELECT version FROM contact_book_version WHERE organizer_id = :org), 0)")
                .param("org", organizer).query(Long.class).single();
    }

    private static void importCsv(Api api, String token, String... rows) {
        String csv = "name,email\n" + String.join("\n", rows) + "\n";
        assertThat(api.upload("/api/v1/contacts/import", token, "book.csv", csv.getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(200);
    }

    private static List<String> names(Api api, String token, String query) {
        return api.get("/api/v1/contacts" + query, token).json().get("contacts").findValuesAsText("displayName");
    }

    private static List<String> ids(Api api, String token, String query) {
        JsonNode contacts = api.get("/api/v1/contacts" + query, token).json().get("contacts");
        List<String> ids = new ArrayList<>();
        contacts.forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }
}
