/** Access to the core's service-to-service API: {@link io.inviteflow.batch.core.ServiceTokens} and the
 * {@code coreRestClient} bean. */
package io.inviteflow.batch.core;
