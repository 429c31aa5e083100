package io.inviteflow.core.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param failuresBeforeLock          failed sign-ins to one address in a row before it is locked
 * @param lock                        how long the first lock lasts; each further lock in a row twice as long (a day
 *                                    at most)
 * @param attemptsPerMinutePerAddress sign-in requests one network address may make per minute (429 beyond)
 * @param signUpsPerHourPerAddress    sign-ups one network address may make per hour (429 beyond)
 */
@ConfigurationProperties("inviteflow.sign-in")
record SignInProperties(int failuresBeforeLock, Duration lock, int attemptsPerMinutePerAddress,
                        int signUpsPerHourPerAddress) {
}
