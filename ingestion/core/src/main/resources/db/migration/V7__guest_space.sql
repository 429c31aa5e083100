-- The guest's side of an invitation: what guests may do, the wall, the encrypted chat, invited friends, push.

ALTER TABLE party_event
    -- how many friends each guest may invite (0: guests cannot invite anyone)
    ADD COLUMN friend_invites integer NOT NULL DEFAULT 0 CHECK (friend_invites BETWEEN 0 AND 50),
    ADD COLUMN wall_enabled   boolean NOT NULL DEFAULT true,
    ADD COLUMN chat_enabled   boolean NOT NULL DEFAULT true;

ALTER TABLE invitation
    -- the guest who invited this one through an invite-a-friend link; analytics credit them
    ADD COLUMN referred_by uuid REFERENCES invitation (id),
    -- a revoked invitation's link opens nothing (the organizer withdrew it, or a ban on the wall)
    ADD COLUMN revoked_at  timestamptz;
CREATE INDEX invitation_referrals ON invitation (referred_by) WHERE referred_by IS NOT NULL;

CREATE TABLE wall_post (
    id             uuid PRIMARY KEY,
    party_event_id uuid        NOT NULL REFERENCES party_event (id) ON DELETE CASCADE,
    -- null when the organizer posted
    invitation_id  uuid REFERENCES invitation (id),
    author_name    text        NOT NULL,
    body           text        NOT NULL,
    -- a photo, stored like the organizer's media (content-hash URL of its phone size)
    photo_url      text,
    hidden         boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wall_post_by_event ON wall_post (party_event_id, created_at DESC);

CREATE TABLE wall_comment (
    id            uuid PRIMARY KEY,
    post_id       uuid        NOT NULL REFERENCES wall_post (id) ON DELETE CASCADE,
    invitation_id uuid REFERENCES invitation (id),
    author_name   text        NOT NULL,
    body          text        NOT NULL,
    hidden        boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wall_comment_by_post ON wall_comment (post_id, created_at);

-- one reaction of a kind per guest and post: reacting again takes it back
CREATE TABLE wall_reaction (
    post_id       uuid NOT NULL REFERENCES wall_post (id) ON DELETE CASCADE,
    invitation_id uuid NOT NULL REFERENCES invitation (id),
    reaction      text NOT NULL,
    PRIMARY KEY (post_id, invitation_id, reaction)
);

-- guests the organizer banned from the wall and the chat of one event (they keep their invitation)
CREATE TABLE wall_ban (
    party_event_id uuid        NOT NULL REFERENCES party_event (id) ON DELETE CASCADE,
    invitation_id  uuid        NOT NULL REFERENCES invitation (id),
    banned_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (party_event_id, invitation_id)
);

-- Ciphertext only: the room key travels in the invitation link's fragment, which browsers never send.
CREATE TABLE chat_message (
    id             bigserial PRIMARY KEY,
    party_event_id uuid        NOT NULL REFERENCES party_event (id) ON DELETE CASCADE,
    invitation_id  uuid        NOT NULL REFERENCES invitation (id),
    iv             bytea       NOT NULL CHECK (length(iv) = 12),
    ciphertext     bytea       NOT NULL CHECK (length(ciphertext) BETWEEN 17 AND 8192),
    sent_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chat_message_by_event ON chat_message (party_event_id, id);

-- Web Push subscriptions (RFC 8030 endpoint, RFC 8291 keys) for the notification side to send to
CREATE TABLE push_subscription (
    endpoint      text PRIMARY KEY,
    invitation_id uuid        NOT NULL REFERENCES invitation (id),
    p256dh        text        NOT NULL,
    auth          text        NOT NULL,
    locale        text,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX push_subscription_by_invitation ON push_subscription (invitation_id);
