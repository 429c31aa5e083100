package io.inviteflow.batch.support;

import io.inviteflow.localstack.stripe.StripeStandIn;
import io.inviteflow.localstack.twilio.TwilioStandIn;
import io.inviteflow.testsupport.ServiceProcess;
import io.inviteflow.testsupport.IsolatedStores;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The REAL core, started once per test JVM as a separate process from {@code ingestion/core/target/
 * inviteflow-core-exec.jar} (system property {@code inviteflow.test.core-jar}, set by Failsafe), on a free port, with
 * its own PostgreSQL schema and the test run's Kafka topic. Destroyed when the test run ends (JUnit root store), or
 * by a shutdown hook if the JVM ends first.
 */
public final class CoreServer implements ExtensionContext.Store.CloseableResource {

    private static final Duration STARTUP = Duration.ofSeconds(180);
    static final String STRIPE_WEBHOOK_SECRET = "whsec_batch_test_" + BatchIntegrationTest.RUN;
    /** The model registry folder, shared with batch-jobs under test: what it promotes, this core serves. */
    public static final Path MODELS_DIR = Path.of("target", "models-" + java.util.UUID.randomUUID()).toAbsolutePath();
    /** The Stripe stand-in the core takes payments and refunds with; its journal is the gateway's log. */
    public static final StripeStandIn STRIPE = StripeStandIn.start(0, null, STRIPE_WEBHOOK_SECRET);
    /** The Twilio stand-in batch-jobs texts through; it reports deliveries to the core's SMS hook. */
    public static final String TWILIO_ACCOUNT = "AC" + "5eed".repeat(8);
    public static final String TWILIO_TOKEN = "twilio-token-" + BatchIntegrationTest.RUN;
    public static final TwilioStandIn TWILIO = TwilioStandIn.start(0, TWILIO_ACCOUNT, TWILIO_TOKEN, true);
    private static CoreServer shared;

    private final ServiceProcess process;
    private final int port;
    private volatile boolean healthy;

    private CoreServer(ServiceProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the shared core if it is not running yet (does not wait for it: see {@link #awaitHealthy()}). */
    public static synchronized CoreServer shared() {
        if (shared == null) {
            shared = start(BatchIntegrationTest.RUN, BatchIntegrationTest.TOPIC);
            Runtime.getRuntime().addShutdownHook(new Thread(shared.process::kill));
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Blocks until {@code /actuator/health} answers 200; fails with the log's tail if the process died. */
    public void awaitHealthy() {
        if (!healthy) {
            process.awaitHealthy(() -> ServiceProcess.httpOk(url() + "/actuator/health"), STARTUP);
            healthy = true;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
        synchronized (CoreServer.class) {
            shared = null;
        }
    }

    private static CoreServer start(String run, String topic) {
        Path jar = Path.of(System.getProperty("inviteflow.test.core-jar",
                "../ingestion/core/target/inviteflow-core-exec.jar")).toAbsolutePath().normalize();
        Path logDir = Path.of(System.getProperty("inviteflow.test.log-dir", "target"));
        int port = ServiceProcess.freePort();
        List<String> args = new ArrayList<>(new IsolatedStores("core_for_batch_" + run, topic).arguments());
        args.addAll(io.inviteflow.testsupport.CoreUnderTest.ARGUMENTS);
        args.add("--server.port=" + port);
        args.add("--inviteflow.payments.stripe.api-base=" + STRIPE.baseUrl());
        args.add("--inviteflow.payments.stripe.webhook-secret=" + STRIPE_WEBHOOK_SECRET);
        args.add("--inviteflow.payments.paypal.client-id="); // no PayPal stand-in here: card payments only
        args.add("--inviteflow.push.extra-services=http://127.0.0.1:"); // the tests' own push service
        args.add("--inviteflow.sms.auth-token=" + TWILIO_TOKEN);
        args.add("--inviteflow.suggestions.models-dir=" + MODELS_DIR);
        args.add("--inviteflow.suggestions.refresh-every=1s");
        STRIPE.sendWebhooksTo("http://127.0.0.1:" + port + "/webhooks/stripe");
        ServiceProcess process = ServiceProcess.start("core-for-batch-" + run, jar, logDir,
                List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), args);
        return new CoreServer(process, port);
    }

    /** Starts the core before the Spring context (so both boot in parallel) and stops it after the last test. */
    public static final class Extension implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(CoreServer.class, key -> shared(), CoreServer.class);
        }
    }
}
