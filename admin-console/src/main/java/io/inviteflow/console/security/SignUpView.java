package io.inviteflow.console.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.inviteflow.console.core.CoreAccount;
import io.inviteflow.console.core.CoreClient;

/**
 * A new organizer's account. The core answers an address that has an account exactly as a new one and mails its
 * owner instead, so the page says the same either way: look in the mailbox (a confirmation link, or the notice that
 * the address has an account already), then sign in.
 */
@Route("sign-up")
@PageTitle("Create an account · Inviteflow")
@AnonymousAllowed
public class SignUpView extends VerticalLayout {

    private final TextField name = new TextField("Your name");
    private final EmailField address = new EmailField("Email");
    private final PasswordField password = new PasswordField("Password");
    private final Paragraph outcome = new Paragraph();

    public SignUpView(CoreAccount account) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        name.setId("sign-up-name");
        address.setId("sign-up-address");
        password.setId("sign-up-password");
        password.setHelperText("At least 8 characters");
        for (var field : new com.vaadin.flow.component.HasSize[]{name, address, password}) {
            field.setWidth("20em");
        }
        Button create = new Button("Create account", click -> signUp(account));
        create.setId("sign-up");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        outcome.setId("sign-up-outcome");
        add(new H1("Inviteflow"), new Paragraph("Create an organizer account"), name, address, password, create,
                outcome, new RouterLink("Back to sign-in", LoginView.class));
    }

    private void signUp(CoreAccount account) {
        String email = address.getValue().trim();
        if (name.getValue().isBlank() || email.isEmpty() || address.isInvalid()) {
            outcome.setText("Please enter your name and email address.");
            return;
        }
        try {
            account.signUp(name.getValue().trim(), email, password.getValue());
            password.clear();
            outcome.setText("Almost there: we mailed " + email + ". Confirm your address with the link in that mail, "
                    + "then sign in. (If the address has an account already, the mail says so, and how to sign in.)");
        } catch (CoreClient.Refused refused) {
            outcome.setText(refused.status() == 429 ? "Too many sign-ups from here. Please try again later."
                    : refused.getMessage());
        } catch (CoreClient.CoreException away) {
            outcome.setText("The Inviteflow core could not be reached. Please try again in a moment.");
        }
    }
}
