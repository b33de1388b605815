package dev.reelbot.videoapi;

import dev.reelbot.core.PublicAddresses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import okhttp3.Connection;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Where the bot may connect for a URL it did not choose (a user's image, a result link, any redirect): only hosts
 * whose every address is public, so nobody can make the bot reach internal services (SSRF). It checks three times,
 * each covering what the one before cannot see: the host as written ({@link #refusal}: IP literals, which OkHttp
 * connects to without asking DNS, in any spelling), the addresses a name resolves to (as OkHttp's {@link Dns}, so a
 * name cannot pass a check and resolve elsewhere later), and the address of the socket actually connected
 * ({@link #connectionCheck()}, a network interceptor: nothing is sent to a refused address).
 */
final class OutboundPolicy implements Dns {
    /** A dotted quad in its one plain spelling: no leading zeros, no hex, no short forms. */
    private static final Pattern PLAIN_IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** Anything an IPv4 parser somewhere might read as an address: 1 to 4 decimal, octal or hex parts. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(0x[0-9a-f]*|\\d+)(\\.(0x[0-9a-f]*|\\d+)){0,3}\\.?");

    private final Predicate<InetAddress> allowed;
    private final boolean requiresHttps;

    private OutboundPolicy(Predicate<InetAddress> allowed, boolean requiresHttps) {
        this.allowed = allowed;
        this.requiresHttps = requiresHttps;
    }

    /** Production: public addresses only. */
    static OutboundPolicy publicOnly() {
        return new OutboundPolicy(PublicAddresses::isPublic, true);
    }

    /** Tests against servers on loopback: any address, any scheme. */
    static OutboundPolicy permissiveForTests() {
        return new OutboundPolicy(address -> true, false);
    }

    /**
     * Tests of the policy itself: public addresses only, as in production, except {@code pretendPublic}, where the
     * test stands a "public" host (a CDN, a gateway) on loopback; plain {@code http://} allowed.
     */
    static OutboundPolicy publicOnlyExceptForTests(InetAddress pretendPublic) {
        return new OutboundPolicy(address -> address.equals(pretendPublic) || PublicAddresses.isPublic(address),
                false);
    }

    /** Whether plain {@code http://} is refused where {@code https://} is expected (user-supplied URLs). */
    boolean requiresHttps() {
        return requiresHttps;
    }

    /** Resolves {@code hostname} (a trailing dot, the fully qualified form, is the same name) if all is allowed. */
    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        String name = hostname.endsWith(".") ? hostname.substring(0, hostname.length() - 1) : hostname;
        List<InetAddress> addresses = Dns.SYSTEM.lookup(name);
        for (InetAddress address : addresses) {
            if (!allowed.test(address)) {
                throw new RefusedAddress(hostname + " resolves to a private or internal address");
            }
        }
        return addresses;
    }

    /**
     * Why the host of {@code url}, as written, may not be reached, or {@code null} (a name is then checked when it
     * is resolved). IP literals are checked here because OkHttp connects to them without asking {@link Dns}; an
     * address in an unusual spelling ({@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1}) is refused outright,
     * as programs disagree on what it means.
     */
    String refusal(HttpUrl url) {
        String host = url.host().toLowerCase(Locale.ROOT);
        boolean ipv6 = host.contains(":");
        if (!ipv6 && !NUMERIC_HOST.matcher(host).matches()) {
            return null;
        }
        if (!ipv6 && !PLAIN_IPV4.matcher(host).matches()) {
            return host + " is an IP address in an unusual spelling";
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            return allowed.test(address) ? null : host + " is a private or internal address";
        } catch (UnknownHostException notAnAddress) {
            return host + " is not a valid address";
        }
    }

    /**
     * A network interceptor refusing to send anything over a connection whose remote address is not allowed: the
     * last line of defence, whatever path (a pooled connection, a literal OkHttp parsed differently) led there.
     */
    Interceptor connectionCheck() {
        return chain -> {
            Connection connection = chain.connection();
            InetAddress remote = connection == null ? null : connection.socket().getInetAddress();
            if (remote != null && !allowed.test(remote)) {
                throw new RefusedAddress(chain.request().url().host() + " led to a private or internal address");
            }
            return proceed(chain);
        };
    }

    private static Response proceed(Interceptor.Chain chain) throws IOException {
        return chain.proceed(chain.request());
    }

    /** A connection the policy refused: no request was sent. */
    static final class RefusedAddress extends UnknownHostException {
        RefusedAddress(String message) {
            super(message);
        }
    }
}
