package io.inviteflow.core.push;

import io.inviteflow.core.guestpage.GuestLocales;
import io.inviteflow.core.invitation.GuestAccess;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Where guest.js stores (and removes) the guest's Web Push subscription. */
@RestController
class PushController {

    private final GuestAccess access;
    private final PushSubscriptions subscriptions;

    PushController(GuestAccess access, PushSubscriptions subscriptions) {
        this.access = access;
        this.subscriptions = subscriptions;
    }

    @PostMapping("/i/{token}/push")
    @ResponseStatus(HttpStatus.CREATED)
    void subscribe(@PathVariable String token, @RequestBody PushSubscriptions.Subscription subscription,
                   HttpServletRequest request) {
        subscriptions.subscribe(access.require(token), subscription, GuestLocales.of(request).getLanguage());
    }

    @DeleteMapping("/i/{token}/push")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unsubscribe(@PathVariable String token, @RequestParam String endpoint) {
        subscriptions.unsubscribe(access.require(token), endpoint);
    }
}
