package io.inviteflow.core.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jwt.JWTParser;
import io.inviteflow.core.payment.PaymentProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import javax.crypto.spec.SecretKeySpec;
import java.text.ParseException;
import java.util.List;

/**
 * Stateless bearer-token security: organizers get an HS256 JWT from {@code POST /api/v1/auth/token}; guests need
 * no account, their invitation token is their key. No cookies authenticate anything here, so CSRF protection is off.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<TeamAccess> teamAccess;
    private final ObjectProvider<SecurityAudit> audit;

    SecurityConfiguration(ObjectProvider<TeamAccess> teamAccess, ObjectProvider<SecurityAudit> audit) {
        this.teamAccess = teamAccess;
        this.audit = audit;
    }

    /**
     * Everything a guest's token opens, and what their pages load: no login, so a short chain (security headers, no
     * session, no bearer-token parsing) in front of the busiest paths of the core.
     */
    @Bean
    @Order(1)
    SecurityFilterChain guests(HttpSecurity http, PaymentProperties payments) throws Exception {
        // the providers' webhooks (payments, mail and SMS reports, texts to the number) carry their own signature; a door's scanner, a ticket
        // holder, a guest confirming a request about their data and an organizer confirming their address or choosing a new
        // password their own link
        http.securityMatcher("/i/**", "/api/v1/invitations/*/rsvp", "/guest/*", "/artwork/*.svg", "/media/*",
                        "/webhooks/stripe", "/webhooks/paypal", "/webhooks/mail-feedback", "/webhooks/sms-status",
                        "/webhooks/sms-inbound", "/checkin/**", "/t/*/ticket.pdf", "/privacy/*", "/verify-email/*", "/reset-password/*")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        GuestPagePolicy.of(payments))))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        var problems = new ProblemAuthenticationEntryPoint(json);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/organizers", "/api/v1/auth/token",
                                "/api/v1/auth/token/second-factor", "/api/v1/auth/token/passkey",
                                "/api/v1/auth/token/passkey/options", "/api/v1/auth/password-reset").permitAll()
                        .requestMatchers("/actuator/health/**", "/error", "/favicon.ico").permitAll()
                        // the template catalogue is the same for everyone
                        .requestMatchers(HttpMethod.GET, "/api/v1/templates", "/api/v1/templates/*").permitAll()
                        // the API's description is public, like the API's existence
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        // service-to-service API (batch-jobs): tokens carrying scope "internal"
                        .requestMatchers("/api/v1/internal/**").hasAuthority("SCOPE_internal")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> { })
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * Two kinds of bearer tokens, told apart by their issuer and each verified with its own key: organizers' tokens
     * ({@link AccessTokens#ISSUER}, the JWT secret) and service tokens ({@link #SERVICE_ISSUER}, the service secret).
     * A service token claiming to be an organizer's fails the organizers' key, and the reverse.
     */
    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties, TokenRevocations revocations) {
        JwtDecoder organizers = decoder(properties.jwtKey(), AccessTokens.ISSUER, revocations);
        JwtDecoder services = decoder(properties.serviceKey(), SERVICE_ISSUER, null);
        return token -> SERVICE_ISSUER.equals(unverifiedIssuer(token)) ? services.decode(token)
                : organizers.decode(token);
    }

    static final String SERVICE_ISSUER = "inviteflow-services";

    /** Second-factor challenges ({@link AccessTokens#challenge}): the organizers' key, their own issuer. */
    @Bean
    SecondFactorChallenges secondFactorChallenges(SecurityProperties properties) {
        return new SecondFactorChallenges(decoder(properties.jwtKey(), AccessTokens.CHALLENGE_ISSUER, null));
    }

    /** @param revocations null: tokens of this issuer cannot be signed out (services' are minted per call) */
    private static JwtDecoder decoder(byte[] key, String issuer, TokenRevocations revocations) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
        OAuth2TokenValidator<Jwt> standard = JwtValidators.createDefaultWithIssuer(issuer);
        decoder.setJwtValidator(revocations == null ? standard
                : new DelegatingOAuth2TokenValidator<>(standard, revocations));
        return decoder;
    }

    /** Only picks the key to verify with; the chosen decoder then checks signature, issuer and expiry. */
    private static String unverifiedIssuer(String token) {
        try {
            return JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new BadJwtException("malformed token", e);
        }
    }

    /** Signs organizers' tokens only; services mint their own with the service key. */
    @Bean
    JwtEncoder jwtEncoder(SecurityProperties properties) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(properties.jwtKey(), "HmacSHA256")));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new AuthenticatedOrganizerResolver(teamAccess.getObject()));
    }

    @Override
    public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
        registry.addInterceptor(new TeamChangeTrail(audit.getObject())).addPathPatterns("/api/v1/**");
    }
}
