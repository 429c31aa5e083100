package io.inviteflow.core.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTest {

    @Test
    void ipv6AddressesCountByTheirNetworkAndIpv4ByThemselves() {
        assertThat(ClientAddresses.limitKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(ClientAddresses.limitKey("2001:db8:1:2::1"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddresses.limitKey("2001:db8:1:3::1")).isNotEqualTo(ClientAddresses.limitKey("2001:db8:1:2::1"));
        assertThat(ClientAddresses.limitKey("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0:0:0:0:0/64");
        assertThat(ClientAddresses.limitKey("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientAddresses.limitKey(null)).isNull();
    }
}
