package io.inviteflow.console.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.inviteflow.console.core.CoreAccount;
import io.inviteflow.console.core.CoreClient;

/**
 * "Forgot password" of the sign-in page: the core mails a link to choose a new password if an account has the address
 * (and says the same whether or not one has: the page cannot tell who has an account either). The link opens the
 * core's own page, where the new password is set.
 */
@Route("forgot-password")
@PageTitle("Forgot your password · Inviteflow")
@AnonymousAllowed
public class ForgotPasswordView extends VerticalLayout {

    private final EmailField address = new EmailField("Email");
    private final Paragraph outcome = new Paragraph();

    public ForgotPasswordView(CoreAccount account) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        address.setId("forgot-address");
        address.setRequiredIndicatorVisible(true);
        address.setWidth("20em");
        Button send = new Button("Mail me a link", click -> ask(account));
        send.setId("forgot-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        outcome.setId("forgot-outcome");
        add(new H1("Inviteflow"), new Paragraph("Forgot your password? We mail a link to choose a new one."), address,
                send, outcome, new RouterLink("Back to sign-in", LoginView.class));
    }

    private void ask(CoreAccount account) {
        String email = address.getValue().trim();
        if (email.isEmpty() || address.isInvalid()) {
            outcome.setText("Please enter the address of your account.");
            return;
        }
        try {
            account.askForNewPassword(email);
            outcome.setText("If an account has the address " + email + ", a link to choose a new password is on its "
                    + "way. It works once, within an hour.");
        } catch (CoreClient.Refused refused) {
            outcome.setText(refused.status() == 429 ? "Too many requests from here. Please try again later."
                    : "That is not an address: " + refused.getMessage());
        } catch (CoreClient.CoreException away) {
            outcome.setText("The Inviteflow core could not be reached. Please try again in a moment.");
        }
    }
}
