package io.inviteflow.localstack;

import com.adobe.testing.s3mock.S3MockApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Starts S3Mock with plain HTTP on one port, on 127.0.0.1 only. S3Mock adds a second (HTTP) connector of its own that
 * listens on every interface; this customizer runs after S3Mock's and pins every connector to the loopback address.
 * <p>
 * Usage: {@code java -cp 'target/lib/*:target/classes' io.inviteflow.localstack.LoopbackS3Mock <port> <bucket>…}
 */
public final class LoopbackS3Mock {

    private LoopbackS3Mock() {
    }

    public static void main(String[] args) {
        String port = args.length > 0 ? args[0] : "9191";
        String buckets = args.length > 1 ? String.join(",", java.util.Arrays.copyOfRange(args, 1, args.length)) : "";
        new SpringApplicationBuilder(S3MockApplication.class)
                .properties("server.port=" + port, "server.address=127.0.0.1", "server.ssl.enabled=false",
                        "com.adobe.testing.s3mock.http-port=0",
                        "com.adobe.testing.s3mock.store.initial-buckets=" + buckets, "spring.main.banner-mode=off")
                .initializers(context -> context.getBeanFactory().registerSingleton("loopbackOnly",
                        new LoopbackOnly()))
                .run(args);
    }

    /** Runs last, after S3Mock has added its extra connector. */
    static final class LoopbackOnly implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.getAdditionalTomcatConnectors().forEach(c -> c.setProperty("address", "127.0.0.1"));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
