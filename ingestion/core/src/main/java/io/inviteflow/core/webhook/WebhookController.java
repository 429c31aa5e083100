package io.inviteflow.core.webhook;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** An organizer's webhook endpoints and their delivery log. */
@RestController
class WebhookController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRepository repository;

    WebhookController(WebhookRepository repository) {
        this.repository = repository;
    }

    record NewEndpoint(@NotBlank @Size(max = 2048) String url, @NotNull @Size(min = 1, max = 20) List<@NotNull ActivityType> types) {
    }

    /** @param secret shown only in the answer to the creation: keep it to check signatures */
    record EndpointView(UUID id, String url, List<String> types, OffsetDateTime createdAt, String secret) {
    }

    @PostMapping("/api/v1/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    EndpointView create(AuthenticatedOrganizer organizer, @Valid @RequestBody NewEndpoint request) {
        URI url = url(request.url());
        for (int i = 0; i < request.types().size(); i++) {
            if (!WebhookRecorder.SUBSCRIBABLE.contains(request.types().get(i))) {
                throw Problems.unprocessable("types[" + i + "]", "webhooks are offered for "
                        + WebhookRecorder.SUBSCRIBABLE);
            }
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        var endpoint = new WebhookRepository.Endpoint(UUID.randomUUID(), organizer.id(), url.toString(),
                request.types().stream().map(Enum::name).distinct().toList(), true, null);
        repository.insert(endpoint, secret);
        return new EndpointView(endpoint.id(), endpoint.url(), endpoint.types(), OffsetDateTime.now(), secret);
    }

    @GetMapping("/api/v1/webhooks")
    List<EndpointView> list(AuthenticatedOrganizer organizer) {
        return repository.ofOrganizer(organizer.id()).stream()
                .map(e -> new EndpointView(e.id(), e.url(), e.types(), e.createdAt(), null)).toList();
    }

    @DeleteMapping("/api/v1/webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(AuthenticatedOrganizer organizer, @PathVariable UUID id) {
        repository.deactivate(owned(organizer, id).id());
    }

    /** The latest deliveries, each with every attempt (time, HTTP status or error, duration). */
    @GetMapping("/api/v1/webhooks/{id}/deliveries")
    List<WebhookRepository.DeliveryLog> deliveries(AuthenticatedOrganizer organizer, @PathVariable UUID id,
                                                   @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw Problems.unprocessable("limit", "limit must be between 1 and 500");
        }
        return repository.deliveries(owned(organizer, id).id(), limit);
    }

    private WebhookRepository.Endpoint owned(AuthenticatedOrganizer organizer, UUID id) {
        return repository.find(id).filter(e -> e.organizerId().equals(organizer.id()))
                .orElseThrow(() -> Problems.notFound("webhook", id));
    }

    private static URI url(String raw) {
        try {
            URI uri = new URI(raw.strip());
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null || uri.getUserInfo() != null) {
                throw Problems.unprocessable("url", "url must be an http(s) link without credentials");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw Problems.unprocessable("url", "url is not a valid link: " + e.getReason());
        }
    }
}
