package io.inviteflow.core.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.security.SecurityProperties;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tests that talk to the core over HTTP as a fresh organizer (and, for internal APIs, as batch-jobs). */
public abstract class OrganizerApiTest extends CoreIntegrationTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected SecurityProperties security;
    protected Api api;
    protected String organizer;

    @BeforeEach
    void signUpAnOrganizer() {
        api = new Api(port);
        organizer = api.newOrganizerToken();
    }

    /** A token of the service batch-jobs is (scope internal). */
    protected String serviceToken() {
        return ServiceTokens.mint(security);
    }

    /** The answer's JSON, after checking its status (the body is in the failure). */
    protected static JsonNode ok(Api.Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + " but got " + response.status() + ": " + response.body());
        }
        return response.json();
    }
}
