package io.inviteflow.core.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

final class OrderRequests {

    private OrderRequests() {
    }

    record Line(@NotNull UUID tierId, @NotNull @Min(1) @Max(100) Integer quantity) {
    }

    /** @param gateway how the buyer pays: {@code stripe} (when null) or {@code paypal}, as the shop offers */
    record Place(@NotEmpty @Size(max = 20) List<@Valid @NotNull Line> lines,
                 @Size(max = 64) String discountCode,
                 @NotBlank @Size(max = 200) String buyerName,
                 @NotBlank @Email @Size(max = 320) String buyerEmail,
                 @Size(max = 20) @Pattern(regexp = "[a-z]+") String gateway) {
    }

    /**
     * @param paymentMethod the payment method the buyer's browser got from the provider (Stripe.js {@code pm_…});
     *                      with the stand-in, Stripe's test methods ({@code pm_card_visa}, {@code pm_card_chargeDeclined});
     *                      none for PayPal (the buyer approved at PayPal)
     */
    record Pay(@Size(max = 255) @Pattern(regexp = "[A-Za-z0-9_]+") String paymentMethod) {
    }
}
