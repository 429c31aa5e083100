package io.inviteflow.console.security;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.inviteflow.console.core.CorePasskeys;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/**
 * Email and password, posted to Spring Security's form login ({@code POST /login}), which asks the core for a
 * token through {@link CoreAuthenticationProvider}; or a passkey ({@link PasskeySignIn}). A failed sign-in comes back
 * as {@code /login?error}: the form then shows why (wrong credentials, or the core could not be reached), never an
 * exception page.
 */
@Route("login")
@PageTitle("Sign in · Inviteflow")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private LoginI18n i18n;

    public LoginView(CorePasskeys passkeys, CoreAuthenticationProvider authentication) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        configureForm();
        add(new H1("Inviteflow"), new Paragraph("Organizer console"), form,
                new PasskeySignIn(passkeys, authentication),
                new com.vaadin.flow.component.html.Anchor("sign-up", "New here? Create an account"));
    }

    private void configureForm() {
        form.setAction("login");
        form.setForgotPasswordButtonVisible(true);
        form.addForgotPasswordListener(click -> form.getUI().ifPresent(ui -> ui.navigate(ForgotPasswordView.class)));
        setI18n(i18n(Failure.WRONG_CREDENTIALS));
    }

    /** Why a sign-in failed, as the form words it. */
    enum Failure { WRONG_CREDENTIALS, CORE_UNAVAILABLE, LOCKED }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            return;
        }
        Object failure = lastFailure();
        if (failure instanceof SecondFactorRequiredException) {
            event.forwardTo(SecondFactorView.class);
            return;
        }
        showError(failure instanceof AuthenticationServiceException ? Failure.CORE_UNAVAILABLE
                : failure instanceof LockedException ? Failure.LOCKED : Failure.WRONG_CREDENTIALS);
    }

    /** Shows the sign-in failure; package-private so a test can drive it without a servlet container. */
    void showError(Failure failure) {
        setI18n(i18n(failure));
        form.setError(true);
    }

    LoginForm form() {
        return form;
    }

    /** The texts the form shows (the form's own getter is not public). */
    LoginI18n i18n() {
        return i18n;
    }

    private void setI18n(LoginI18n texts) {
        i18n = texts;
        form.setI18n(texts);
    }

    /** Spring Security's failure handler leaves the exception in the HTTP session under this attribute. */
    static Object lastFailure() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || session.getSession() == null) {
            return null;
        }
        return session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    private static LoginI18n i18n(Failure failure) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Email");
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        switch (failure) {
            case CORE_UNAVAILABLE -> {
                error.setTitle("Sign-in is unavailable");
                error.setMessage("The Inviteflow core could not be reached. Please try again in a moment.");
            }
            case LOCKED -> {
                error.setTitle("Too many failed sign-ins");
                error.setMessage("Signing in to this address is paused for a while. Please try again later.");
            }
            case WRONG_CREDENTIALS -> {
                error.setTitle("Wrong email or password");
                // the core refuses a new account's right password alike until its address is confirmed (no hint
                // whether an address has an account), so the message names that case too
                error.setMessage("Check your email and password and try again. A new account signs in once its "
                        + "address is confirmed: open the link we mailed (each sign-in until then mails it again).");
            }
        }
        return i18n;
    }
}
