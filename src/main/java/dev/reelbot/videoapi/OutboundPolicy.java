package dev.reelbot.videoapi;

import dev.reelbot.core.PublicAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;
import okhttp3.HttpUrl;

/**
 * Where the bot may connect for a URL it did not choose (a user's image, a result link on a foreign host): only
 * hosts whose every address is public, so nobody can make the bot reach internal services (SSRF). As a {@link Dns}
 * it checks the very addresses OkHttp then connects to, so a host cannot pass a check and resolve elsewhere later.
 */
final class OutboundPolicy implements Dns {
    private final boolean allowPrivate;

    private OutboundPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Production: public addresses only. */
    static OutboundPolicy publicOnly() {
        return new OutboundPolicy(false);
    }

    /** Tests against servers on loopback: any address, any scheme. */
    static OutboundPolicy permissiveForTests() {
        return new OutboundPolicy(true);
    }

    /** Whether plain {@code http://} is refused where {@code https://} is expected (user-supplied URLs). */
    boolean requiresHttps() {
        return !allowPrivate;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = Dns.SYSTEM.lookup(hostname);
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!PublicAddresses.isPublic(address)) {
                    throw new UnknownHostException(hostname + " resolves to a private or internal address");
                }
            }
        }
        return addresses;
    }

    /**
     * Why a host written as an IP literal may not be reached, or {@code null}: OkHttp connects to literals without
     * asking {@link Dns}, so they are checked here, before the call.
     */
    String literalRefusal(HttpUrl url) {
        if (allowPrivate || !looksLikeIpLiteral(url.host())) {
            return null;
        }
        try {
            InetAddress address = InetAddress.getByName(url.host());
            return PublicAddresses.isPublic(address) ? null : url.host() + " is a private or internal address";
        } catch (UnknownHostException notAnAddress) {
            return url.host() + " is not a valid address";
        }
    }

    private static boolean looksLikeIpLiteral(String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }
}
