package io.inviteflow.console.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableConsumer;

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

    private static final String GET = """
            const options = PublicKeyCredential.parseRequestOptionsFromJSON(JSON.parse($0));
            return navigator.credentials.get({publicKey: options}).then(c => JSON.stringify(c.toJSON()));""";

    private BrowserPasskeys() {
    }

    /** Makes a passkey ({@code navigator.credentials.create}). */
    public static void create(Component on, JsonNode publicKey, SerializableConsumer<String> made,
                              SerializableConsumer<String> failed) {
        on.getElement().executeJs(CREATE, publicKey.toString()).then(String.class, made, failed);
    }

    /** Signs with a passkey the person picks ({@code navigator.credentials.get}). */
    public static void get(Component on, JsonNode publicKey, SerializableConsumer<String> signed,
                           SerializableConsumer<String> failed) {
        on.getElement().executeJs(GET, publicKey.toString()).then(String.class, signed, failed);
    }
}
