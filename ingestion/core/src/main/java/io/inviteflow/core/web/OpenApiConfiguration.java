package io.inviteflow.core.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;

/**
 * The API's OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). Every operation lists the
 * RFC 9457 problems it can answer with, derived from what it takes: a body can be malformed (400) or break a rule
 * (422), a path id can be unknown or another organizer's (404), an upload can be too large (413) or not a contacts
 * file (415), and everything outside the public paths needs a bearer token (401).
 */
@Configuration
class OpenApiConfiguration {

    private static final String PROBLEM = "#/components/schemas/Problem";

    @Bean
    OpenAPI inviteflowApi() {
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details; `field` names the offending input where there is one")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Unprocessable Content"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty("detail", new StringSchema().example("endsAt must be after startsAt"))
                .addProperty("instance", new StringSchema())
                .addProperty("field", new StringSchema().example("endsAt"));
        return new OpenAPI()
                .info(new Info().title("Inviteflow core API").version("v1")
                        .description("Events, invitations, answers, contacts and templates. Guests need no account: "
                                + "the token in their link is their key."))
                .components(new Components().addSchemas("Problem", problem)
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")));
    }

    @Bean
    OperationCustomizer problemResponses() {
        return (Operation operation, HandlerMethod handler) -> {
            ApiResponses responses = operation.getResponses();
            boolean body = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
            boolean upload = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(RequestPart.class));
            boolean pathId = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
            boolean read = handler.hasMethodAnnotation(GetMapping.class);
            add(responses, "400", "Malformed input: not JSON, a wrong type, a missing or invalid field");
            if (body || upload || !read) {
                add(responses, "422", "Well-formed input that breaks a rule (the problem's `field` says which)");
            }
            if (pathId) {
                add(responses, "404", "No such resource, or it belongs to another organizer");
            }
            if (!read) {
                add(responses, "409", "The resource's state forbids it (a cancelled event, a name taken, a full room)");
            }
            if (upload) {
                add(responses, "413", "The file is larger than this endpoint takes");
                add(responses, "415", "Not a file this endpoint reads");
            }
            String path = handler.getMethod().getDeclaringClass().getSimpleName();
            if (!isPublic(operation, path)) {
                add(responses, "401", "No bearer token, or an expired or forged one");
                operation.addSecurityItem(new SecurityRequirement().addList("bearer"));
            }
            return operation;
        };
    }

    private static boolean isPublic(Operation operation, String controller) {
        return controller.equals("GuestPageController") || controller.equals("TemplateController")
                || controller.equals("MediaContentController")
                || controller.equals("AccountController")
                || (operation.getOperationId() != null && operation.getOperationId().startsWith("answer"));
    }

    private static void add(ApiResponses responses, String status, String description) {
        responses.putIfAbsent(status, new ApiResponse().description(description).content(new Content()
                .addMediaType("application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM)))));
    }
}
