package io.inviteflow.localstack.common;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;

import java.net.URI;

/**
 * What every payment stand-in is: a WireMock server on 127.0.0.1 serving a provider's mappings with the provider's
 * state (a response transformer), and the sender of its webhooks.
 */
public abstract class StandInServer implements AutoCloseable {

    private final WireMockServer server;
    private final WebhookSender webhooks;

    protected StandInServer(WireMockServer server, WebhookSender webhooks) {
        this.server = server;
        this.webhooks = webhooks;
    }

    /**
     * Starts WireMock on 127.0.0.1 with the mappings under {@code files} (classpath). With a journal every request is
     * kept (the gateway log tests count on); a long-running stand-in keeps none: unbounded it fills the heap, and
     * bounded WireMock scans all of it on every request (that scan took four fifths of its CPU under load).
     */
    protected static WireMockServer serve(int port, String files, int threads, boolean journal, Extension state) {
        WireMockConfiguration options = WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .port(port)
                .usingFilesUnderClasspath(files)
                .containerThreads(threads)
                .jettyAcceptors(threads >= 64 ? 2 : 1)
                .extensions(state);
        if (!journal) {
            options.disableRequestJournal();
        }
        WireMockServer server = new WireMockServer(options);
        server.start();
        return server;
    }

    public int port() {
        return server.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The underlying server: its request journal records every call the core made. */
    public WireMockServer server() {
        return server;
    }

    /** Where webhooks go from now on (a test learns its server's port only after starting this). */
    public void sendWebhooksTo(String url) {
        webhooks.endpoint(URI.create(url));
    }

    /** Webhooks are posted on other threads; this waits until every one sent so far got its answer. */
    public void awaitWebhooks() throws InterruptedException {
        webhooks.awaitIdle();
    }

    @Override
    public void close() {
        server.stop();
        webhooks.close();
    }
}
