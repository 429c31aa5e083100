package io.inviteflow.core.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Rate limits per client address on signing in ({@code POST /api/v1/auth/token…}) and on signing up and asking for a
 * new password ({@code POST /api/v1/organizers}, {@code POST /api/v1/auth/password-reset}, one budget): one address
 * guessing passwords for many accounts, making accounts by the thousand or mailing reset links to every address it
 * knows gets 429 with {@code Retry-After} before any password is hashed. (The per-account lock is
 * {@link SignInThrottle}'s.) Buckets live in this instance's memory, as the guests' do.
 */
@Component
class SignInRateLimitFilter extends OncePerRequestFilter {

    private final Cache<String, Bucket> signIns = Caffeine.newBuilder().expireAfterAccess(10, TimeUnit.MINUTES)
            .maximumSize(100_000).build();
    private final Cache<String, Bucket> signUps = Caffeine.newBuilder().expireAfterAccess(2, TimeUnit.HOURS)
            .maximumSize(100_000).build();
    private final SignInProperties properties;

    SignInRateLimitFilter(SignInProperties properties) {
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !(isSignIn(request) || isSignUpOrReset(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean signUp = isSignUpOrReset(request);
        ConsumptionProbe probe = (signUp ? signUps : signIns).get(
                io.inviteflow.core.web.ClientAddresses.limitKey(request.getRemoteAddr()), address -> signUp
                        ? bucket(properties.signUpsPerHourPerAddress(), Duration.ofHours(1))
                        : bucket(properties.attemptsPerMinutePerAddress(), Duration.ofMinutes(1)))
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String problem = "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"too many "
                + (signUp ? "sign-ups or password resets" : "sign-in attempts") + " from this address; try again in " + seconds + " s\"}";
        response.getOutputStream().write(problem.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isSignIn(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/v1/auth/token");
    }

    private static boolean isSignUpOrReset(HttpServletRequest request) {
        return request.getRequestURI().equals("/api/v1/organizers")
                || request.getRequestURI().equals("/api/v1/auth/password-reset");
    }

    private static Bucket bucket(int capacity, Duration period) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build();
    }
}
