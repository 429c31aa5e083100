package io.inviteflow.console.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inviteflow.console.support.CoreStandIn;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The client against WireMock standing in for the core's documented API ({@link CoreStandIn}); no Spring context. */
class CoreClientTest {

    private final CoreClient client = client(URI.create(CoreStandIn.url()));

    @BeforeEach
    void reset() {
        CoreStandIn.reset();
        CoreStandIn.rejectsUnknownTokens();
    }

    @Test
    void issuesATokenForTheRightCredentials() {
        CoreStandIn.acceptsLogin("ada@example.org", "pw", "token-ada");

        assertThat(client.issueToken("ada@example.org", "pw")).isEqualTo("token-ada");
        assertThatThrownBy(() -> client.issueToken("ada@example.org", "nope")).isInstanceOf(CoreClient.Unauthorized.class);
    }

    @Test
    void aBadRequestOnTheTokenEndpointIsRejectedCredentialsToo() {
        CoreStandIn.server().stubFor(post(urlPathEqualTo("/api/v1/auth/token"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", CoreStandIn.PROBLEM_JSON)
                        .withBody("{\"title\":\"Bad Request\",\"status\":400}")));

        assertThatThrownBy(() -> client.issueToken("not-an-email", "pw")).isInstanceOf(CoreClient.Unauthorized.class);
    }

    @Test
    void readsEventsIncludingOnlineOnlyOnes() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        CoreStandIn.server().stubFor(get(urlPathEqualTo("/api/v1/events"))
                .withHeader("Authorization", equalTo("Bearer t"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                        "[" + CoreStandIn.eventJson(a, "Summer party") + ","
                                + """
                                {"id":"%s","title":"Webinar","startsAt":"2025-07-01T09:00:00-04:00",
                                 "timeZone":"America/New_York","venue":null,"onlineUrl":"https://meet.example/w",
                                 "template":null,"somethingNew":true}""".formatted(b) + "]")));

        List<CoreEvent> events = client.events("t");

        assertThat(events).extracting(CoreEvent::id).containsExactly(a, b);
        assertThat(events.get(0).venue().name()).isEqualTo("Kulturbrauerei");
        assertThat(events.get(0).localStart().getHour()).isEqualTo(19);
        assertThat(events.get(1).venue()).isNull();
        assertThat(events.get(1).zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(events.get(1).localStart().getHour()).isEqualTo(9);
    }

    @Test
    void mapsTheCoresStatusesToExceptions() {
        UUID mine = UUID.randomUUID();
        UUID others = UUID.randomUUID();
        CoreStandIn.hasEvent("t", mine, "Mine");
        CoreStandIn.eventNotFound("t", others);

        assertThat(client.event("t", mine).title()).isEqualTo("Mine");
        assertThatThrownBy(() -> client.event("t", others)).isInstanceOf(CoreClient.NotFound.class);
        assertThatThrownBy(() -> client.event("forged", mine)).isInstanceOf(CoreClient.Unauthorized.class);
        assertThatThrownBy(() -> client.events("forged")).isInstanceOf(CoreClient.Unauthorized.class);
    }

    @Test
    void aServerErrorIsUnavailable() {
        CoreStandIn.server().stubFor(get(urlPathEqualTo("/api/v1/events")).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> client.events("t")).isInstanceOf(CoreClient.Unavailable.class)
                .satisfies(e -> assertThat(((CoreClient.Unavailable) e).status()).isEqualTo(503));
    }

    @Test
    void anUnreachableCoreIsUnavailable() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        CoreClient nowhere = client(URI.create("http://127.0.0.1:" + freePort));

        assertThatThrownBy(() -> nowhere.events("t")).isInstanceOf(CoreClient.Unavailable.class);
    }

    private static CoreClient client(URI url) {
        return new CoreClient(RestClient.builder(), new CoreProperties(url, Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }
}
