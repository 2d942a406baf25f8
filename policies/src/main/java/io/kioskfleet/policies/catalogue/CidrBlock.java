package io.kioskfleet.policies.catalogue;

import io.kioskfleet.policies.report.ProblemSite;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network in CIDR notation, read strictly: a bare address means a single host
 * ({@code /32} or {@code /128}), host bits must be zero, and IPv6 is written in its RFC 5952
 * form (lower case, longest zero run compressed) so equal networks have equal text.
 *
 * <p>A value: the network number is held as an unsigned {@link BigInteger} of
 * {@code addressBits} bits (32 or 128), so equal networks are equal records.
 */
record CidrBlock(BigInteger network, int addressBits, int prefix) {

    private static final int IPV4_BITS = 32;
    private static final int IPV6_BITS = 128;
    private static final Pattern IPV4 =
        Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    // Only hex digits, colons and dots: such a string is an IPv6 literal to InetAddress, so
    // parsing it never makes a DNS lookup.
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern PREFIX = Pattern.compile("0|[1-9][0-9]{0,2}");

    CidrBlock {
        Objects.requireNonNull(network, "network");
        if (addressBits != IPV4_BITS && addressBits != IPV6_BITS) {
            throw new IllegalArgumentException("an address has 32 or 128 bits: " + addressBits);
        }
        if (prefix < 0 || prefix > addressBits) {
            throw new IllegalArgumentException("prefix " + prefix + " outside 0.." + addressBits);
        }
        if (network.signum() < 0 || network.bitLength() > addressBits) {
            throw new IllegalArgumentException("not a " + addressBits + "-bit address");
        }
        if (!network.equals(masked(network, addressBits, prefix))) {
            throw new IllegalArgumentException("host bits set after /" + prefix);
        }
    }

    /** The network of {@code prefix} bits that contains {@code address}. */
    static CidrBlock containing(BigInteger address, int addressBits, int prefix) {
        return new CidrBlock(masked(address, addressBits, prefix), addressBits, prefix);
    }

    private static BigInteger masked(BigInteger address, int addressBits, int prefix) {
        BigInteger hostBits = BigInteger.ONE.shiftLeft(addressBits - prefix)
            .subtract(BigInteger.ONE);
        return address.andNot(hostBits);
    }

    static String normalize(String text, ProblemSite site) {
        int slash = text.indexOf('/');
        byte[] bytes = address(slash < 0 ? text : text.substring(0, slash));
        if (bytes == null) {
            return site.report("value.cidr", text);
        }
        int bits = bytes.length * 8;
        Integer prefix = slash < 0 ? Integer.valueOf(bits)
            : prefix(text.substring(slash + 1), bits);
        if (prefix == null) {
            return site.report("value.cidr", text);
        }
        BigInteger address = new BigInteger(1, bytes);
        CidrBlock network = containing(address, bits, prefix);
        if (!network.network().equals(address)) {
            return site.report("value.cidrHostBits", text, network.toString());
        }
        return network.toString();
    }

    private static byte[] address(String text) {
        if (IPV4.matcher(text).matches()) {
            String[] parts = text.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return null;
                }
                bytes[i] = (byte) part;
            }
            return bytes;
        }
        return IPV6.matcher(text).matches() ? ipv6(text) : null;
    }

    private static byte[] ipv6(String text) {
        try {
            InetAddress address = InetAddress.getByName(text);
            return address instanceof Inet6Address ? address.getAddress() : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static Integer prefix(String text, int bits) {
        if (!PREFIX.matcher(text).matches()) {
            return null;
        }
        int prefix = Integer.parseInt(text);
        return prefix <= bits ? prefix : null;
    }

    /** The canonical spelling, such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}. */
    @Override
    public String toString() {
        return (addressBits == IPV4_BITS ? ipv4Text() : ipv6Text()) + "/" + prefix;
    }

    /** The {@code index}-th group of {@code width} bits of the address, from the left. */
    private int group(int index, int width) {
        return network.shiftRight(addressBits - width * (index + 1)).intValue()
            & ((1 << width) - 1);
    }

    private String ipv4Text() {
        return group(0, 8) + "." + group(1, 8) + "." + group(2, 8) + "." + group(3, 8);
    }

    private String ipv6Text() {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = group(i, 16);
        }
        int[] run = longestZeroRun(groups);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == run[0]) {
                text.append(i == 0 ? "::" : ":");
                i += run[1] - 1;
                continue;
            }
            text.append(Integer.toHexString(groups[i]));
            if (i < 7) {
                text.append(':');
            }
        }
        return text.toString();
    }

    /** Start and length of the first longest run of at least two zero groups, or {-1, 0}. */
    private static int[] longestZeroRun(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int length = 0;
            while (i + length < groups.length && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        return bestStart < 0 ? new int[] {-1, 0} : new int[] {bestStart, bestLength};
    }
}
