package io.inviteflow.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Chromium (installed by {@code ./inviteflow test}) driven by Playwright; nothing is downloaded. The flags
 * keep it from calling out to the internet, which this machine cannot reach anyway.
 */
public final class Chromium implements AutoCloseable {

    private final Playwright playwright;
    public final Browser browser;

    public Chromium() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getenv().getOrDefault("INVITEFLOW_CHROMIUM", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /**
     * What the page's Content-Security-Policy refuses from now on (Chromium reports each refusal on the console), as a
     * list that grows: a test asserts it stays empty, so a policy too strict for the page fails the test.
     */
    public static List<String> cspViolations(com.microsoft.playwright.Page page) {
        List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                violations.add(message.text());
            }
        });
        return violations;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
