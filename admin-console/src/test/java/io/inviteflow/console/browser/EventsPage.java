package io.inviteflow.console.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The organizer's events (a Vaadin grid). */
final class EventsPage {

    private final Page page;

    EventsPage(Page page) {
        this.page = page;
    }

    Locator event(String title) {
        return page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(title)).first();
    }

    DashboardPage open(String title) {
        event(title).click();
        return new DashboardPage(page);
    }
}
