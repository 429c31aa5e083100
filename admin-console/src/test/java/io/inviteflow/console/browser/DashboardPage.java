package io.inviteflow.console.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** One event's live dashboard: a card per figure, label then value. */
final class DashboardPage {

    private final Page page;

    DashboardPage(Page page) {
        this.page = page;
    }

    Locator title() {
        return page.locator("h2");
    }

    /** The value shown on the card whose label is {@code label}, e.g. "Yes". */
    Locator figure(String label) {
        return page.locator("xpath=//*[normalize-space(text())='" + label + "']/following-sibling::*[1]");
    }
}
