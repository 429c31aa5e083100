package io.inviteflow.testsupport;

import java.util.List;

/** Settings every test that starts the core as a process passes it, beside its stores. */
public final class CoreUnderTest {

    /** The admin's sign-in address (inviteflow.security.admins, trusted as on the local stack) in every test. */
    public static final String ADMIN = "admin@inviteflow.test";

    /**
     * The per-address limits on sign-ins and sign-ups lifted: every test signs organizers up and in from 127.0.0.1,
     * many a minute (the core's own tests check the limits); {@link #ADMIN} an admin.
     */
    public static final List<String> ARGUMENTS = List.of(
            "--inviteflow.sign-in.attempts-per-minute-per-address=100000",
            "--inviteflow.sign-in.sign-ups-per-hour-per-address=100000",
            "--inviteflow.security.admins=" + ADMIN,
            "--inviteflow.security.trust-configured-admins=true");

    private CoreUnderTest() {
    }
}
