package io.inviteflow.console.security;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.inviteflow.console.core.CoreClient;
import org.springframework.security.authentication.AuthenticationServiceException;

/**
 * The second step of signing in, for accounts with two-factor sign-in: the password was right (the core's challenge
 * waits in the session), and a code of the authenticator app, or a recovery code, finishes it. A wrong code may be
 * typed again; the core counts it as a failed sign-in, so guessing locks the address.
 */
@Route("login/code")
@PageTitle("Sign in · Inviteflow")
@AnonymousAllowed
public class SecondFactorView extends VerticalLayout implements BeforeEnterObserver {

    private final CoreClient core;
    private final CoreAuthenticationProvider authentication;
    private final TextField code = new TextField("Code from your authenticator app, or a recovery code");
    private final Paragraph message = new Paragraph();

    public SecondFactorView(CoreClient core, CoreAuthenticationProvider authentication) {
        this.core = core;
        this.authentication = authentication;
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        code.setId("second-factor-code");
        code.setAutofocus(true);
        code.setMaxLength(64);
        code.setWidth("22em");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        Button verify = new Button("Sign in", e -> verify());
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.addClickShortcut(Key.ENTER);
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        add(new H1("Inviteflow"), new Paragraph("Two-factor sign-in"), code, verify, message,
                new Anchor("login", "Start again"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (pending() == null) {
            event.forwardTo(LoginView.class);
        }
    }

    private void verify() {
        SecondFactorRequiredException pending = pending();
        if (pending == null) {
            UI.getCurrent().navigate(LoginView.class);
            return;
        }
        try {
            String token = core.answerSecondFactor(pending.challenge(), code.getValue().strip());
            SignedInSession.store(authentication.signedIn(pending.email(), token));
            UI.getCurrent().getPage().setLocation("/");
        } catch (CoreClient.Unauthorized e) {
            message.setText("That code did not work. Check the app and type the current code, or a recovery code.");
            code.clear();
        } catch (CoreClient.Refused e) {
            message.setText(e.status() == 429 ? "Too many failed sign-ins: signing in to this address is paused for "
                    + "a while." : e.getMessage());
        } catch (AuthenticationServiceException e) {
            // the code was good and is spent, but the core could not say who the account is (its roles)
            message.setText("The Inviteflow core could not be reached. Please try again in a moment with the app's "
                    + "next code.");
            code.clear();
        } catch (CoreClient.CoreException e) {
            message.setText("The Inviteflow core could not be reached. Please try again in a moment.");
        }
    }

    private static SecondFactorRequiredException pending() {
        return LoginView.lastFailure() instanceof SecondFactorRequiredException pending ? pending : null;
    }
}
