package io.inviteflow.console.core;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.io.IOException;

/**
 * Tells the core which browser a call is made for ({@code X-Forwarded-For}): the core limits sign-ins per client
 * address and records it in the account's trail, and without it every console user would be the console's own address
 * — one user's failed sign-ins would lock all of them out. The core trusts the header only from its configured proxies
 * ({@code INVITEFLOW_TRUSTED_PROXIES}: the console's address; loopback on the local stack). Calls outside a browser's
 * request (server push) carry none.
 */
final class ForwardedClientAddress implements ClientHttpRequestInterceptor {

    static final String HEADER = "X-Forwarded-For";

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest browser = attributes.getRequest();
            // the console's own proxy, if any, is resolved by its forward-headers strategy: this is the browser
            request.getHeaders().set(HEADER, browser.getRemoteAddr());
        }
        return execution.execute(request, body);
    }
}
