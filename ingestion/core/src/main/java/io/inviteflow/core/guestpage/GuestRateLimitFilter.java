package io.inviteflow.core.guestpage;

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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rate limits on everything a guest's token opens ({@code /i/{token}/…} and the RSVP API): token buckets per token and
 * per client address, refilled greedily over a minute. Over the limit: 429 with {@code Retry-After} and a problem
 * body, before any work is done. Buckets live in this instance's memory (idle ones are forgotten after ten
 * minutes); behind a load balancer each instance limits its share.
 */
@Component
class GuestRateLimitFilter extends OncePerRequestFilter {

    private static final Pattern GUEST_PATH = Pattern.compile("^/(?:i|api/v1/invitations)/([A-Za-z0-9_-]{22})(?:/.*)?$");

    private final Cache<String, Bucket> perToken;
    private final Cache<String, Bucket> perAddress;
    private final GuestLimits limits;

    GuestRateLimitFilter(GuestLimits limits) {
        this.limits = limits;
        this.perToken = Caffeine.newBuilder().expireAfterAccess(10, TimeUnit.MINUTES).maximumSize(1_000_000).build();
        this.perAddress = Caffeine.newBuilder().expireAfterAccess(10, TimeUnit.MINUTES).maximumSize(100_000).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !GUEST_PATH.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true; // a chat stream's later dispatches are the same request
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = GUEST_PATH.matcher(request.getRequestURI());
        path.matches();
        // the address first: a client making up tokens is stopped before its made-up tokens take bucket space
        ConsumptionProbe address = take(perAddress, io.inviteflow.core.web.ClientAddresses.limitKey(
                request.getRemoteAddr()), limits.requestsPerMinutePerAddress());
        ConsumptionProbe token = address.isConsumed()
                ? take(perToken, path.group(1), limits.requestsPerMinutePerToken()) : null;
        if (address.isConsumed() && token.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        ConsumptionProbe refused = address.isConsumed() ? token : address;
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(refused.getNanosToWaitForRefill()) + 1);
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String problem = "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"too many requests " + (address.isConsumed() ? "for this invitation" : "from this address")
                + "; try again in " + seconds + " s\"}";
        response.getOutputStream().write(problem.getBytes(StandardCharsets.UTF_8));
    }

    private static ConsumptionProbe take(Cache<String, Bucket> buckets, String key, int perMinute) {
        Function<String, Bucket> create = k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build();
        return buckets.get(key, create).tryConsumeAndReturnRemaining(1);
    }
}
