package dev.reelbot.core;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Tells public internet addresses from everything the bot must never be made to reach on a user's behalf:
 * loopback, private (RFC 1918, IPv6 ULA), link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
 * multicast, reserved and unspecified ranges, including their IPv4-mapped IPv6 forms and the IPv6 tunnels that
 * carry an IPv4 address inside (6to4, Teredo, NAT64).
 */
public final class PublicAddresses {
    private PublicAddresses() {
    }

    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if (isIpv4Mapped(b) || isIpv4Compatible(b)) {
                return isPublicIpv4(b[12] & 0xff, b[13] & 0xff, b[14] & 0xff);
            }
            int first = b[0] & 0xff;
            if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                return isPublicIpv4(b[2] & 0xff, b[3] & 0xff, b[4] & 0xff);
            }
            boolean teredo = first == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0;
            boolean uniqueLocal = (first & 0xfe) == 0xfc;
            boolean documentation = first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d
                    && (b[3] & 0xff) == 0xb8;
            boolean nat64 = first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            return !uniqueLocal && !documentation && !nat64 && !teredo;
        }
        return address instanceof Inet4Address && isPublicIpv4(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
    }

    private static boolean isPublicIpv4(int a, int b, int c) {
        return !(a == 0 || a == 10 || a == 127 || a >= 224
                || (a == 100 && b >= 64 && b <= 127)
                || (a == 169 && b == 254)
                || (a == 172 && b >= 16 && b <= 31)
                || (a == 192 && b == 168)
                || (a == 192 && b == 0 && (c == 0 || c == 2))
                || (a == 198 && (b == 18 || b == 19))
                || (a == 198 && b == 51 && c == 100)
                || (a == 203 && b == 0 && c == 113));
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static boolean isIpv4Compatible(byte[] b) {
        for (int i = 0; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
