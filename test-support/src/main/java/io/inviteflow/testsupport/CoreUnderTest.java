package io.inviteflow.testsupport;

import java.util.List;

/** Settings every test that starts the core as a process passes it, beside its stores. */
public final class CoreUnderTest {

    /**
     * The per-address limits on sign-ins and sign-ups lifted: every test signs organizers up and in from 127.0.0.1,
     * many a minute. (The core's own tests check the limits.)
     */
    /** The admin's sign-in address (inviteflow.security.admins) in every test that starts the core. */
    public static final String ADMIN = "admin@inviteflow.test";

    public static final List<String> ARGUMENTS = List.of(
            "--inviteflow.sign-in.attempts-per-minute-per-address=100000",
            "--inviteflow.sign-in.sign-ups-per-hour-per-address=100000",
            "--inviteflow.security.admins=" + ADMIN);

    private CoreUnderTest() {
    }
}
