package io.inviteflow.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatesIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theCatalogueIsPublicAndEveryThemesArtworkIsServed() throws Exception {
        Api api = new Api(port);
        Api.Response catalogue = api.get("/api/v1/templates", null);

        assertThat(catalogue.status()).isEqualTo(200);
        assertThat(catalogue.raw().headers().firstValue("Cache-Control")).hasValueSatisfying(
                c -> assertThat(c).contains("max-age=3600"));
        List<String> ids = new ArrayList<>();
        Set<String> themes = new HashSet<>();
        for (JsonNode template : catalogue.json()) {
            ids.add(template.get("id").asText());
            assertThat(template.get("themes").size()).as(template.get("id").asText()).isGreaterThanOrEqualTo(2);
            assertThat(template.get("reminders").size()).isPositive();
            for (JsonNode theme : template.get("themes")) {
                assertThat(themes.add(theme.get("id").asText())).as("unique theme ids").isTrue();
                Api.Response art = api.get("/artwork/" + theme.get("artwork").asText() + ".svg", null);
                assertThat(art.status()).isEqualTo(200);
                assertThat(art.contentType()).startsWith("image/svg+xml");
                DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(art.body().getBytes(StandardCharsets.UTF_8)));
            }
        }
        assertThat(ids).contains("birthday", "wedding", "corporate", "party", "conference", "baby-shower",
                "graduation", "dinner", "meetup");
        assertThat(api.get("/api/v1/templates/wedding", null).json().at("/questions/0/label").asText())
                .isEqualTo("Meal choice");
        assertThat(api.get("/api/v1/templates/nope", null).status()).isEqualTo(404);
    }
}
