package io.inviteflow.console.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The core's ticket API as the console uses it: the sale's settings, tiers and codes, sales and orders, refunds, the
 * doors. Amounts are minor units of the event's currency, as in the core. Errors as {@link CoreClient} throws them.
 */
@Component
public class CoreTickets {

    private final CoreClient core;

    public CoreTickets(CoreClient core) {
        this.core = core;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Settings(String currency, int vatBasisPoints, long feeFixedMinor, int feeBasisPoints,
                           boolean transfersAllowed, Integer cancelUntilHoursBefore) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tier(UUID id, String name, long priceMinor, int quantity, int taken, int minPerOrder,
                       int maxPerOrder) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(UUID id, String name, int quantity, int taken) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Code(UUID id, String code, Integer percentOff, Long amountOffMinor, Integer maxUses, int used,
                       Instant validUntil) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TierSales(UUID tierId, String name, long priceMinor, int quantity, int sold, int held,
                            int refunded, int left, long revenueMinor) {
    }

    /** @param gateway how it was paid: {@code stripe}, {@code paypal}, or {@code free} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Order(UUID id, String buyerName, String buyerEmail, String status, String currency,
                        long totalMinor, long refundedMinor, String gateway, Instant createdAt, Instant paidAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attendance(int tickets, int checkedIn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Device(UUID id, String name, Instant createdAt, Instant revokedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IssuedDevice(Device device, String scannerUrl) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GatewayError(String gateway, String operation, UUID orderId, String code, String message,
                               Instant occurredAt) {
    }

    /** The event's sale settings, or null when it sells nothing yet. */
    public Settings settings(String token, UUID eventId) {
        try {
            return get(token, "/api/v1/events/{id}/ticket-settings", eventId, new ParameterizedTypeReference<>() {
            });
        } catch (CoreClient.NotFound e) {
            return null;
        }
    }

    public Settings saveSettings(String token, UUID eventId, Settings settings) {
        return send(token, "PUT", "/api/v1/events/{id}/ticket-settings", eventId, settings, Settings.class);
    }

    public List<Tier> tiers(String token, UUID eventId) {
        return get(token, "/api/v1/events/{id}/ticket-tiers", eventId, new ParameterizedTypeReference<>() {
        });
    }

    /** @param includedItem null for a plain ticket; else one of it comes with each ticket (a bundle) */
    public Tier addTier(String token, UUID eventId, String name, long priceMinor, int quantity, UUID includedItem) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>(Map.of("name", name, "priceMinor", priceMinor,
                "quantity", quantity));
        if (includedItem != null) {
            fields.put("includes", List.of(Map.of("itemId", includedItem, "quantity", 1)));
        }
        return send(token, "POST", "/api/v1/events/{id}/ticket-tiers", eventId, fields, Tier.class);
    }

    public List<Item> merchandise(String token, UUID eventId) {
        return get(token, "/api/v1/events/{id}/merchandise", eventId, new ParameterizedTypeReference<>() {
        });
    }

    public Item addMerchandise(String token, UUID eventId, String name, int quantity) {
        return send(token, "POST", "/api/v1/events/{id}/merchandise", eventId,
                Map.of("name", name, "quantity", quantity), Item.class);
    }

    public List<Code> codes(String token, UUID eventId) {
        return get(token, "/api/v1/events/{id}/discount-codes", eventId, new ParameterizedTypeReference<>() {
        });
    }

    /** @param fields {@code code}, and {@code percentOff} or {@code amountOffMinor}, optionally {@code maxUses} */
    public Code addCode(String token, UUID eventId, Map<String, Object> fields) {
        return send(token, "POST", "/api/v1/events/{id}/discount-codes", eventId, fields, Code.class);
    }

    public List<TierSales> sales(String token, UUID eventId) {
        return get(token, "/api/v1/events/{id}/sales", eventId, new ParameterizedTypeReference<>() {
        });
    }

    public List<Order> orders(String token, UUID eventId) {
        return get(token, "/api/v1/events/{id}/orders", eventId, new ParameterizedTypeReference<>() {
        });
    }

    /**
     * Refunds an order, in full when {@code amountMinor} is null. The key makes a repeated click (or a retry after a
     * timeout) the same single refund.
     */
    public void refund(String token, UUID eventId, UUID orderId, Long amountMinor, String idempotencyKey) {
        Map<String, Object> body = amountMinor == null ? Map.of("reason", "organizer")
                : Map.of("reason", "organizer", "amountMinor", amountMinor);
        CoreClient.call(() -> core.rest().post().uri("/api/v1/events/{id}/orders/{order}/refunds", eventId, orderId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity());
    }

    public Attendance attendance(String token, UUID eventId) {
        return get(token, "/api/v1/events/{id}/check-ins", eventId, new ParameterizedTypeReference<>() {
        });
    }

    public List<Device> devices(String token, UUID eventId) {
        return get(token, "/api/v1/events/{id}/check-in-devices", eventId, new ParameterizedTypeReference<>() {
        });
    }

    public IssuedDevice addDevice(String token, UUID eventId, String name) {
        return send(token, "POST", "/api/v1/events/{id}/check-in-devices", eventId, Map.of("name", name),
                IssuedDevice.class);
    }

    public List<GatewayError> gatewayErrors(String token, UUID eventId) {
        return get(token, "/api/v1/events/{id}/gateway-errors", eventId, new ParameterizedTypeReference<>() {
        });
    }

    private <T> T get(String token, String path, UUID eventId, ParameterizedTypeReference<T> type) {
        T body = CoreClient.call(() -> core.rest().get().uri(path, eventId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().body(type));
        if (body == null) {
            throw new CoreClient.Unavailable("core sent no body for " + path, 0, null);
        }
        return body;
    }

    private <T> T send(String token, String method, String path, UUID eventId, Object body, Class<T> type) {
        return CoreClient.call(() -> core.rest().method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path, eventId).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(type));
    }
}
