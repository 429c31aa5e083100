package io.inviteflow.localstack.paypal;

/**
 * A refusal in the shape PayPal's REST APIs document: HTTP status and {@code {name, message, details: [{issue,
 * description}], debug_id, links}}.
 */
final class PayPalError extends RuntimeException {

    final int status;
    final String name;
    final String issue;

    private PayPalError(int status, String name, String issue, String description) {
        super(description);
        this.status = status;
        this.name = name;
        this.issue = issue;
    }

    static PayPalError unprocessable(String issue, String description) {
        return new PayPalError(422, "UNPROCESSABLE_ENTITY", issue, description);
    }

    static PayPalError invalidRequest(String issue, String description) {
        return new PayPalError(400, "INVALID_REQUEST", issue, description);
    }

    static PayPalError notFound(String id) {
        return new PayPalError(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID",
                "Specified resource ID does not exist. Please check the resource ID and try again. (" + id + ")");
    }

    /** What a refusal message says for the error's name, as PayPal words it. */
    String message() {
        return switch (name) {
            case "UNPROCESSABLE_ENTITY" -> "The requested action could not be performed, semantically incorrect, "
                    + "or failed business validation.";
            case "RESOURCE_NOT_FOUND" -> "The specified resource does not exist.";
            default -> "Request is not well-formed, syntactically incorrect, or violates schema.";
        };
    }
}
