package io.inviteflow.core.invitation;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import io.inviteflow.testsupport.ActivityReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Invite-a-friend: only when the organizer allows it, up to their number, credited to the guest who shared. */
class FriendInvitesIT extends CoreIntegrationTest {

    private static final Pattern FRIEND_LINK = Pattern.compile("value=\"(http://[^\"]+/i/([A-Za-z0-9_-]{22})#k=[^\"]+)\"");

    @LocalServerPort
    int port;
    Api api;
    String organizer;
    String eventId;
    String token;
    String inviterId;

    @BeforeEach
    void invitation() {
        api = new Api(port);
        organizer = api.newOrganizerToken();
        eventId = api.newEvent(organizer, "Open house");
        var invited = api.invite(organizer, eventId, "Grace").get(0);
        token = invited.get("token").asText();
        inviterId = invited.get("id").asText();
    }

    @Test
    void guestsInviteFriendsOnlyWhenAndAsOftenAsTheOrganizerAllows() {
        assertThat(api.getAs("/i/" + token, "test").body()).doesNotContain("id=\"share\"");
        var refused = api.postForm("/i/" + token + "/friends", "name=Alan");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("does not let guests invite friends");

        var options = api.put("/api/v1/events/" + eventId + "/guest-options", organizer,
                "{\"friendInvites\":2,\"wall\":true,\"chat\":true}");
        assertThat(options.json().get("friendInvites").asInt()).isEqualTo(2);
        assertThat(api.put("/api/v1/events/" + eventId + "/guest-options", organizer,
                "{\"friendInvites\":51,\"wall\":true,\"chat\":true}").status()).isEqualTo(422);
        assertThat(api.getAs("/i/" + token, "test").body()).contains("id=\"share\"").contains("up to 2 friends");

        assertThat(api.postForm("/i/" + token + "/friends", "name=").status()).isEqualTo(422);
        assertThat(api.postForm("/i/" + token + "/friends", "name=Alan&email=not-an-address").status())
                .isEqualTo(422);
        var alan = api.postForm("/i/" + token + "/friends", "name=Alan&email=alan%40example.org");
        assertThat(alan.status()).isEqualTo(201);
        Matcher link = FRIEND_LINK.matcher(alan.body());
        assertThat(link.find()).as(alan.body()).isTrue();
        String friendToken = link.group(2);
        assertThat(alan.body()).contains("https://wa.me/?text=").contains("data-share=\"copy\"");
        var friendPage = api.getAs("/i/" + friendToken, "test").body();
        assertThat(friendPage).contains("Dear Alan").contains("Grace invites you along.");

        // a friend cannot pass invitations on: no chains beyond the organizer's number
        assertThat(api.postForm("/i/" + friendToken + "/friends", "name=Mallory").status()).isEqualTo(403);
        assertThat(api.postForm("/i/" + token + "/friends", "name=Edsger").status()).isEqualTo(201);
        var third = api.postForm("/i/" + token + "/friends", "name=Barbara");
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.body()).contains("as many as the host allows");

        // a guest banned from the wall cannot come back through a friend's invitation
        assertThat(api.put("/api/v1/events/" + eventId + "/guest-options", organizer,
                "{\"friendInvites\":5,\"wall\":true,\"chat\":true}").status()).isEqualTo(200);
        api.put("/api/v1/events/" + eventId + "/wall/bans/" + inviterId, organizer, "");
        assertThat(api.postForm("/i/" + token + "/friends", "name=Grace+again").status()).isEqualTo(403);

        try (var reader = new ActivityReader(TOPIC)) {
            List<ActivityReader.Message> referrals = reader.readUntil(all -> referrals(all).size() >= 2,
                    Duration.ofSeconds(30));
            assertThat(referrals(referrals)).hasSize(2).allSatisfy(m -> {
                assertThat(m.activity().payload().get("channel").asText()).isEqualTo("referral");
                assertThat(m.activity().payload().get("referredBy").asText()).isEqualTo(inviterId);
            });
        }
    }

    @Test
    void aTappedShareButtonIsRecordedWithWhereTo() {
        assertThat(api.postForm("/i/" + token + "/shares?target=whatsapp", "").status()).isEqualTo(204);
        assertThat(api.postForm("/i/" + token + "/shares?target=myspace", "").status()).isEqualTo(422);
        assertThat(api.postForm("/i/AAAAAAAAAAAAAAAAAAAAAA/shares?target=copy", "").status()).isEqualTo(404);
        try (var reader = new ActivityReader(TOPIC)) {
            var shares = reader.readUntil(all -> all.stream().anyMatch(this::myShare), Duration.ofSeconds(30))
                    .stream().filter(this::myShare).toList();
            assertThat(shares).hasSize(1);
            assertThat(shares.get(0).activity().payload().get("target").asText()).isEqualTo("whatsapp");
        }
    }

    private boolean myShare(ActivityReader.Message m) {
        return m.activity().type() == ActivityType.INVITATION_SHARED
                && m.activity().aggregateId().toString().equals(inviterId);
    }

    private List<ActivityReader.Message> referrals(List<ActivityReader.Message> all) {
        return all.stream().filter(m -> m.activity().type() == ActivityType.INVITATION_CREATED
                && m.activity().partyEventId().toString().equals(eventId)
                && m.activity().payload().hasNonNull("referredBy")).toList();
    }
}
