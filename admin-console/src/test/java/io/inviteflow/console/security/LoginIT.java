package io.inviteflow.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inviteflow.console.support.CoreStandIn;
import io.inviteflow.console.support.TestProperties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Form login through Spring Security against WireMock standing in for the core's token endpoint
 * ({@link CoreStandIn}). The browser side of the form is Vaadin's LoginForm posting to {@code /login}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class LoginIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestProperties.register(registry);
    }

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void core() {
        CoreStandIn.reset();
        CoreStandIn.acceptsLogin("ada@example.org", "correct horse", "token-ada");
    }

    @Test
    void theRightPasswordSignsInWithTheCoresToken() throws Exception {
        mvc.perform(formLogin("/login").user("ada@example.org").password("correct horse"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withAuthenticationPrincipal(new Organizer("ada@example.org", "token-ada")));
    }

    @Test
    void aWrongPasswordReturnsToTheLoginFormWithAnError() throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user("ada@example.org").password("wrong"))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated())
                .andReturn();
        assertThat(result.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION))
                .isNotInstanceOf(AuthenticationServiceException.class);
    }

    @Test
    void anUnreachableCoreIsReportedAsSuchNotAsAWrongPassword() throws Exception {
        CoreStandIn.reset(); // no stub: WireMock answers 404 to the token endpoint, outside the contract
        MvcResult result = mvc.perform(formLogin("/login").user("ada@example.org").password("correct horse"))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated())
                .andReturn();
        assertThat(result.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION))
                .isInstanceOf(AuthenticationServiceException.class);
    }

    @Test
    void aLockedAddressIsReportedAsSuch() throws Exception {
        CoreStandIn.reset();
        CoreStandIn.locksSignIn();
        MvcResult result = mvc.perform(formLogin("/login").user("ada@example.org").password("correct horse"))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated())
                .andReturn();
        assertThat(result.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION))
                .isInstanceOf(org.springframework.security.authentication.LockedException.class);
    }

    @Test
    void aRightPasswordOfAnAccountWithTwoFactorSignInWaitsForTheCode() throws Exception {
        CoreStandIn.reset();
        CoreStandIn.asksForSecondFactor("ada@example.org", "correct horse", "challenge-1", "123456", "token-ada");
        MvcResult result = mvc.perform(formLogin("/login").user("ada@example.org").password("correct horse"))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated())
                .andReturn();
        assertThat(result.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION))
                .isInstanceOfSatisfying(SecondFactorRequiredException.class,
                        e -> assertThat(e.challenge()).isEqualTo("challenge-1"));
    }

    @Test
    void consolePagesNeedASignIn() throws Exception {
        mvc.perform(get("/events/" + UUID.randomUUID()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
    }
}
