package io.inviteflow.core.media;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.nio.file.Path;

/**
 * @param store     {@code local} (a folder) or {@code s3}
 * @param directory the folder of the local store
 * @param s3        the S3 bucket, endpoint and credentials of the s3 store
 */
@ConfigurationProperties("inviteflow.media")
public record MediaProperties(String store, Path directory, S3 s3) {

    /**
     * @param endpoint  null for AWS itself; a URL for any other S3 API
     * @param pathStyle bucket in the path rather than the host name, as most non-AWS servers want
     */
    public record S3(String bucket, String region, URI endpoint, String accessKey, String secretKey,
                     boolean pathStyle) {
    }
}
