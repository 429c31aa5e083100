package io.inviteflow.core.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTest {

    @Test
    void addressesAndPhoneNumbersLeaveRelayDiagnostics() {
        assertThat(PersonalData.scrub("550 5.1.1 <ada.lovelace+events@example.co.uk>: Recipient address rejected"))
                .isEqualTo("550 5.1.1 <<address>>: Recipient address rejected");
        assertThat(PersonalData.scrub("30003 Unreachable destination handset +49 170 1234567"))
                .isEqualTo("30003 Unreachable destination handset <number>");
        assertThat(PersonalData.scrub("421 4.7.0 try again in 300 seconds (5.7.1)"))
                .as("status codes and short numbers stay").isEqualTo("421 4.7.0 try again in 300 seconds (5.7.1)");
        assertThat(PersonalData.scrub(null)).isNull();
    }
}
