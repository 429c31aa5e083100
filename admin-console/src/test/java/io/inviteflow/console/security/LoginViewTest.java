package io.inviteflow.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.login.LoginForm;
import org.junit.jupiter.api.Test;

/** The login view without a browser or Spring. */
class LoginViewTest {

    @Test
    void postsToSpringSecuritysFormLogin() {
        LoginView view = new LoginView(null, null);
        LoginForm form = view.form();

        assertThat(form.getAction()).isEqualTo("login");
        assertThat(form.isForgotPasswordButtonVisible()).isTrue();
        assertThat(form.isError()).isFalse();
        assertThat(view.i18n().getForm().getUsername()).isEqualTo("Email");
    }

    @Test
    void aWrongPasswordShowsAClearError() {
        LoginView view = new LoginView(null, null);

        view.showError(LoginView.Failure.WRONG_CREDENTIALS);

        assertThat(view.form().isError()).isTrue();
        assertThat(view.i18n().getErrorMessage().getTitle()).isEqualTo("Wrong email or password");
    }

    @Test
    void anUnreachableCoreIsNotCalledAWrongPassword() {
        LoginView view = new LoginView(null, null);

        view.showError(LoginView.Failure.CORE_UNAVAILABLE);

        assertThat(view.form().isError()).isTrue();
        assertThat(view.i18n().getErrorMessage().getMessage()).contains("could not be reached");
    }
}
