package io.inviteflow.batch.sms;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * The SMS provider (Twilio's Messaging API).
 *
 * @param baseUrl             {@code https://api.twilio.com}; the local stack's stand-in elsewhere
 * @param accountSid          the account ({@code AC…}); blank: no SMS are sent
 * @param authToken           its auth token (also what Twilio signs status callbacks with: the core's
 *                            {@code inviteflow.sms.auth-token})
 * @param from                the sender number in E.164, or blank when {@code messagingServiceSid} picks it
 * @param messagingServiceSid a Messaging Service ({@code MG…}) that picks the sender, or blank
 * @param statusCallback      the core's hook Twilio reports deliveries to ({@code …/webhooks/sms-status}), or blank
 * @param timeout             connect and read timeout of one request
 */
@ConfigurationProperties("inviteflow.sms")
public record SmsProperties(URI baseUrl, String accountSid, String authToken, String from,
                            String messagingServiceSid, URI statusCallback, Duration timeout) {
}
