package io.inviteflow.core.push;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Service-to-service: batch-jobs reports subscriptions whose push service answered 404 or 410 (gone for good). */
@RestController
class InternalPushController {

    private final PushSubscriptions subscriptions;

    InternalPushController(PushSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @DeleteMapping("/api/v1/internal/push-subscriptions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void forget(@RequestParam String endpoint) {
        subscriptions.forget(endpoint);
    }
}
