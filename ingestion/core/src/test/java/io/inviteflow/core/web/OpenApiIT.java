package io.inviteflow.core.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void everyOperationIsDescribedWithTheProblemsItCanAnswer() {
        Api api = new Api(port);
        JsonNode doc = api.get("/v3/api-docs", null).json();

        JsonNode paths = doc.get("paths");
        assertThat(paths.has("/api/v1/contacts/import")).isTrue();
        assertThat(paths.at("/~1api~1v1~1contacts~1import/post/responses").has("415")).isTrue();
        assertThat(paths.at("/~1api~1v1~1events~1{id}/patch/responses").has("422")).isTrue();
        assertThat(paths.at("/~1api~1v1~1events~1{id}/patch/responses").has("404")).isTrue();
        assertThat(paths.at("/~1api~1v1~1events~1{id}/patch/security")).isNotEmpty();
        assertThat(paths.at("/~1api~1v1~1templates/get/security").isMissingNode()).isTrue();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().forEach(operation -> assertThat(operation.get("responses").has("400"))
                    .as(path.getKey()).isTrue());
        }
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }
}
