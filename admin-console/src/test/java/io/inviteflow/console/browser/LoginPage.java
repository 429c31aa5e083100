package io.inviteflow.console.browser;

import com.microsoft.playwright.Page;

/** The console's sign-in page (Vaadin's LoginForm). */
final class LoginPage {

    private final Page page;

    LoginPage(Page page, String consoleUrl) {
        this.page = page;
        page.navigate(consoleUrl + "/login");
    }

    EventsPage signIn(String email, String password) {
        page.locator("input[name=username]").fill(email);
        page.locator("input[name=password]").fill(password);
        page.locator("input[name=password]").press("Enter");
        return new EventsPage(page);
    }
}
