package io.inviteflow.core.invitation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClientFamilyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 | mobile",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36 | mobile",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36 | desktop",
            "WhatsApp/2.23 link preview | bot",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php) | bot",
            "Googlebot/2.1 | bot",
            "NULL | unknown"})
    void classifiesClients(String userAgent, String family) {
        assertThat(ClientFamily.of(userAgent)).isEqualTo(family);
    }
}
