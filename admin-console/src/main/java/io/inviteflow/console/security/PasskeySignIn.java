package io.inviteflow.console.security;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CorePasskeys;
import org.springframework.security.authentication.AuthenticationServiceException;

import java.time.Duration;

/**
 * "Sign in with a passkey", under the password form, and the same passkeys offered in the address field's autofill:
 * no address to type, the browser offers the passkeys it holds for this site, and the core says whose the chosen one
 * is. No second factor follows: the passkey is one.
 */
class PasskeySignIn extends VerticalLayout {

    private final CorePasskeys passkeys;
    private final CoreAuthenticationProvider authentication;
    private final Paragraph message = new Paragraph();

    PasskeySignIn(CorePasskeys passkeys, CoreAuthenticationProvider authentication) {
        this.passkeys = passkeys;
        this.authentication = authentication;
        setPadding(false);
        setAlignItems(FlexComponent.Alignment.CENTER);
        Button start = new Button("Sign in with a passkey", VaadinIcon.KEY.create(), e -> start());
        start.setId("passkey-sign-in");
        message.setId("passkey-sign-in-message");
        add(start, message);
        addAttachListener(attached -> offerInAutofill());
    }

    /**
     * The browser's own autofill on the address field lists this site's passkeys beside saved addresses: picking one
     * signs in as the button does. Where the core cannot be asked now, the button says why when pressed.
     */
    /** The core's challenges last five minutes: an offer is made anew before its challenge expires. */
    private static final Duration OFFER_RENEWED_AFTER = Duration.ofMinutes(4);

    /** Called by the page when its offer's time is up. */
    @ClientCallable
    void renewOffer() {
        offerInAutofill();
    }

    private void offerInAutofill() {
        CorePasskeys.Ceremony ceremony;
        try {
            ceremony = passkeys.startSignIn();
        } catch (CoreClient.CoreException e) {
            return;
        }
        BrowserPasskeys.offer(this, ceremony.publicKey(), OFFER_RENEWED_AFTER, credential -> {
            if (credential != null) {
                finish(ceremony.ceremony(), credential);
            }
        }, replacedOrCancelled -> {
        });
    }

    private void start() {
        try {
            CorePasskeys.Ceremony ceremony = passkeys.startSignIn();
            BrowserPasskeys.get(this, ceremony.publicKey(), credential -> finish(ceremony.ceremony(), credential),
                    error -> {
                        message.setText("No passkey was used: " + error);
                        offerInAutofill(); // the button's request ended the autofill's
                    });
        } catch (CoreClient.CoreException e) {
            message.setText(problem(e));
        }
    }

    private void finish(String ceremony, String credential) {
        try {
            SignedInSession.store(authentication.signedIn(passkeys.signIn(ceremony, credential)));
            UI.getCurrent().getPage().setLocation("/");
        } catch (CoreClient.CoreException e) {
            message.setText(problem(e));
        } catch (AuthenticationServiceException e) {
            message.setText("The Inviteflow core could not be reached. Please try again in a moment.");
        }
    }

    private static String problem(CoreClient.CoreException e) {
        if (e instanceof CoreClient.Unauthorized) {
            return "That passkey did not sign you in: it may have been removed from its account. Try again, or use "
                    + "your password.";
        }
        if (e instanceof CoreClient.Refused refused) {
            return refused.status() == 429 ? "Too many sign-ins from here: please wait a minute."
                    : "That passkey did not sign you in: " + refused.getMessage();
        }
        return "The Inviteflow core could not be reached. Please try again in a moment.";
    }
}
