package io.inviteflow.core.media;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Chooses the media store from {@code inviteflow.media.store}. */
@Configuration
class MediaStorageConfiguration {

    @Bean
    MediaStorage mediaStorage(MediaProperties properties) {
        if ("s3".equals(properties.store())) {
            MediaProperties.S3 s3 = properties.s3();
            var client = S3Client.builder()
                    .region(Region.of(s3.region()))
                    .forcePathStyle(s3.pathStyle())
                    .credentialsProvider(s3.accessKey() == null || s3.accessKey().isBlank()
                            ? DefaultCredentialsProvider.builder().build()
                            : StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(),
                            s3.secretKey())));
            if (s3.endpoint() != null) {
                client.endpointOverride(s3.endpoint());
            }
            return new S3MediaStorage(client.build(), s3.bucket());
        }
        if (!"local".equals(properties.store())) {
            throw new IllegalStateException("inviteflow.media.store is 'local' or 's3', not '" + properties.store() + "'");
        }
        return new LocalDiskMediaStorage(properties.directory());
    }
}
