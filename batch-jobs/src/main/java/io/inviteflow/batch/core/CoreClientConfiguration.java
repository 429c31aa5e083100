package io.inviteflow.batch.core;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.time.Clock;

/** The HTTP client for the core's internal API, authenticated with a fresh service token per request. */
@Configuration(proxyBeanMethods = false)
class CoreClientConfiguration {

    @Bean
    ServiceTokens serviceTokens(ServiceTokenProperties properties) {
        return new ServiceTokens(properties.serviceKey(), properties.serviceTokenTtl(), Clock.systemUTC());
    }

    @Bean
    RestClient coreRestClient(RestClient.Builder builder, CoreProperties properties, ServiceTokens tokens) {
        var http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.readTimeout());
        return builder.clone()
                .baseUrl(properties.url().toString())
                .requestFactory(requests)
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.mint());
                    return execution.execute(request, body);
                })
                .build();
    }
}
