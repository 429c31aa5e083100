package io.inviteflow.core.contact;

/** The ways a contact can be reached or recognised. */
public enum PointKind {
    EMAIL, PHONE, LINKEDIN, FACEBOOK, INSTAGRAM, TWITTER
}
