package io.inviteflow.core.media;

import io.inviteflow.testsupport.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The S3 store against a real S3 API server: Adobe S3Mock, started from local-stack/s3 on 127.0.0.1. */
class MediaS3IT {

    static ServiceProcess s3mock;
    static URI endpoint;
    static S3Client client;

    @BeforeAll
    static void startS3() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path s3 = Path.of("../../local-stack/s3/target").toAbsolutePath().normalize();
        endpoint = URI.create("http://127.0.0.1:" + port);
        s3mock = ServiceProcess.startMain("s3mock", s3.resolve("lib") + "/*:" + s3.resolve("classes"),
                        "io.inviteflow.localstack.LoopbackS3Mock", Path.of("target/service-logs"),
                        List.of("-Xmx256m"), List.of(Integer.toString(port), "media"))
                .awaitHealthy(() -> status(endpoint.resolve("/media")) == 200, Duration.ofSeconds(90));
        client = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterAll
    static void stopS3() throws InterruptedException {
        if (client != null) {
            client.close();
        }
        if (s3mock != null) {
            s3mock.close();
        }
    }

    @Test
    void storesWithImmutableCachingAndReadsExactlyTheRangeAsked() throws IOException {
        var storage = new S3MediaStorage(client, "media");
        byte[] content = new byte[100_000];
        new java.util.Random(3).nextBytes(content);
        String key = "a".repeat(64) + ".mp4";

        storage.put(key, content, "video/mp4");

        assertThat(storage.size(key)).hasValue(100_000L);
        assertThat(storage.size("b".repeat(64) + ".mp4")).isEmpty();
        try (InputStream in = storage.read(key, 50_000, 1000)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, 50_000, 51_000));
        }
        var head = client.headObject(HeadObjectRequest.builder().bucket("media").key(key).build());
        assertThat(head.contentType()).isEqualTo("video/mp4");
        assertThat(head.cacheControl()).contains("immutable");
    }

    private static int status(URI uri) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
