package io.aide.gateway.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client address behind the proxies this installation trusts (AIDE_TRUSTED_PROXIES: addresses and CIDR blocks).
 * {@code X-Forwarded-For} is believed only from a trusted peer, and only as far as the chain stays trusted: read from
 * the right, the first hop that is not a trusted proxy is the client. A peer that is not trusted is the client
 * whatever it sends, so a forged header changes nothing. Entries are parsed as address literals only (never a name
 * lookup); an entry that is not an address ends the walk at the last trusted hop.
 */
public final class TrustedProxies {
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]+$");
    /** Longest X-Forwarded-For walked; a longer one is not from a proxy chain this installation runs. */
    static final int MAX_HOPS = 20;

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = blocks;
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /**
     * Parses a configured list ({@code 10.0.0.0/8, 192.168.1.7, fd00::/8}).
     *
     * @throws IllegalArgumentException naming the entry that is not an address or CIDR block
     */
    public static TrustedProxies parse(List<String> entries) {
        List<Block> blocks = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            Optional<InetAddress> address = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (address.isEmpty()) {
                throw new IllegalArgumentException("AIDE_TRUSTED_PROXIES: '" + entry + "' is not an IP address or a "
                        + "CIDR block (such as 10.0.0.0/8 or fd00::/8)");
            }
            int bits = address.get().getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("AIDE_TRUSTED_PROXIES: '" + entry + "' has a prefix length "
                            + "outside 0-" + bits);
                }
            }
            blocks.add(new Block(address.get().getAddress(), prefix));
        }
        return new TrustedProxies(List.copyOf(blocks));
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /**
     * The client's address.
     *
     * @param peer          the address of the TCP peer (null when unknown)
     * @param forwardedFors every X-Forwarded-For header of the request, in order
     */
    public String clientAddress(String peer, List<String> forwardedFors) {
        if (peer == null) {
            return "unknown";
        }
        Optional<InetAddress> peerAddress = literal(peer);
        if (peerAddress.isEmpty() || !trusted(peerAddress.get()) || forwardedFors == null || forwardedFors.isEmpty()) {
            return peerAddress.map(InetAddress::getHostAddress).orElse(peer);
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFors) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        String client = peerAddress.get().getHostAddress();
        for (int i = hops.size() - 1, walked = 0; i >= 0 && walked < MAX_HOPS; i--, walked++) {
            Optional<InetAddress> hop = literal(stripPort(hops.get(i)));
            if (hop.isEmpty()) {
                return client; // not an address: the last trusted hop is all that can be believed
            }
            client = hop.get().getHostAddress();
            if (!trusted(hop.get())) {
                return client;
            }
        }
        return client;
    }

    private boolean trusted(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Block block : blocks) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** {@code 1.2.3.4:567} and {@code [::1]:567} without the port; anything else as it is. */
    static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && hop.indexOf(':', colon + 1) < 0) {
            return hop.substring(0, colon);
        }
        return hop;
    }

    /** An IPv4 or IPv6 literal (no name is ever looked up); an IPv4-mapped IPv6 address becomes its IPv4 address. */
    static Optional<InetAddress> literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        String value = text.toLowerCase(Locale.ROOT);
        var v4 = IPV4.matcher(value);
        if (v4.matches()) {
            for (int group = 1; group <= 4; group++) {
                if (Integer.parseInt(v4.group(group)) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!value.contains(":") || !IPV6.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            // a literal of the shapes checked above: InetAddress parses it without a lookup
            return Optional.of(InetAddress.getByName(value));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
