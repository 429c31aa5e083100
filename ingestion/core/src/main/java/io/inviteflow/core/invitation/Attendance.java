package io.inviteflow.core.invitation;

/** Where a YES stands: it has a place, or waits for one because the event is full. */
enum Attendance { CONFIRMED, WAITLISTED }
