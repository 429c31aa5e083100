package io.inviteflow.console.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableConsumer;

import java.time.Duration;

/**
 * WebAuthn in the organizer's browser, through Vaadin's {@code executeJs}: the core's options (WebAuthn's JSON) go to
 * {@code navigator.credentials}, and what the browser made comes back as the JSON its {@code toJSON()} gives. The
 * browser asks for the fingerprint, face or PIN itself. Failures (cancelled, no passkey here, a browser without
 * WebAuthn's JSON methods, an address that is no domain) come back as the browser's words.
 */
public final class BrowserPasskeys {

    private static final String CREATE = """
            const options = PublicKeyCredential.parseCreationOptionsFromJSON(JSON.parse($0));
            return navigator.credentials.create({publicKey: options}).then(c => JSON.stringify(c.toJSON()));""";

    // a browser serves one request at a time: the button's takes over from the autofill's offer
    private static final String GET = """
            window.inviteflowPasskeyOffer?.abort();
            const options = PublicKeyCredential.parseRequestOptionsFromJSON(JSON.parse($0));
            return navigator.credentials.get({publicKey: options}).then(c => JSON.stringify(c.toJSON()));""";

    // null where the browser has no passkey autofill; the promise stays pending until a passkey is picked there
    private static final String OFFER = """
            const element = this;
            const field = document.querySelector('vaadin-login-form input[name="username"]');
            if (field) {
                field.setAttribute('autocomplete', 'username webauthn');
            }
            if (!window.PublicKeyCredential || !PublicKeyCredential.isConditionalMediationAvailable) {
                return null;
            }
            window.inviteflowPasskeyOffer?.abort();
            const offer = new AbortController();
            window.inviteflowPasskeyOffer = offer;
            const options = PublicKeyCredential.parseRequestOptionsFromJSON(JSON.parse($0));
            setTimeout(() => {
                if (window.inviteflowPasskeyOffer === offer) {
                    offer.abort();
                    element.$server.renewOffer();
                }
            }, $1);
            return PublicKeyCredential.isConditionalMediationAvailable().then(available => !available ? null
                : navigator.credentials.get({publicKey: options, mediation: 'conditional', signal: offer.signal})
                    .then(c => JSON.stringify(c.toJSON())));""";

    private BrowserPasskeys() {
    }

    /** Makes a passkey ({@code navigator.credentials.create}). */
    public static void create(Component on, JsonNode publicKey, SerializableConsumer<String> made,
                              SerializableConsumer<String> failed) {
        on.getElement().executeJs(CREATE, publicKey.toString()).then(String.class, made, failed);
    }

    /**
     * Offers the browser's passkeys in the address field's autofill ({@code mediation: 'conditional'}, the field marked
     * {@code autocomplete="username webauthn"}): {@code signed} gets what the browser made once one is picked, or
     * null at once where the browser has no such autofill; a cancelled or replaced offer ends in {@code failed}.
     * After {@code renewAfter} (before the core's challenge expires) the offer ends and the browser calls
     * {@code renewOffer()} on {@code on}'s server side, a {@code @ClientCallable} that makes a new one.
     */
    public static void offer(Component on, JsonNode publicKey, Duration renewAfter, SerializableConsumer<String> signed,
                             SerializableConsumer<String> failed) {
        on.getElement().executeJs(OFFER, publicKey.toString(), (int) renewAfter.toMillis())
                .then(String.class, signed, failed);
    }

    /** Signs with a passkey the person picks ({@code navigator.credentials.get}). */
    public static void get(Component on, JsonNode publicKey, SerializableConsumer<String> signed,
                           SerializableConsumer<String> failed) {
        on.getElement().executeJs(GET, publicKey.toString()).then(String.class, signed, failed);
    }
}
