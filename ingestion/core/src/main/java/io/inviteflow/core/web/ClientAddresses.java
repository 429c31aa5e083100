package io.inviteflow.core.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Which client a per-address rate limit counts: an IPv4 address as it is, an IPv6 address by its /64 network — one
 * subscriber's whole allocation, whose 2^64 addresses a client may cycle through at will.
 */
public final class ClientAddresses {

    private ClientAddresses() {
    }

    public static String limitKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            // a literal: parsed, never looked up
            byte[] bytes = InetAddress.getByName(remoteAddress.replaceFirst("%.*$", "")).getAddress();
            if (bytes.length != 16) {
                return remoteAddress;
            }
            byte[] network = Arrays.copyOf(bytes, 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }
}
