package io.kioskfleet.policies.catalogue;

import io.kioskfleet.policies.report.ProblemSite;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network in CIDR notation, read strictly: a bare address means a single host
 * ({@code /32} or {@code /128}), host bits must be zero, and IPv6 is written in its RFC 5952
 * form (lower case, longest zero run compressed) so equal networks have equal text.
 */
record CidrBlock(byte[] network, int prefix) {

    private static final Pattern IPV4 =
        Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    // Only hex digits, colons and dots: such a string is an IPv6 literal to InetAddress, so
    // parsing it never makes a DNS lookup.
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern PREFIX = Pattern.compile("0|[1-9][0-9]{0,2}");

    static String normalize(String text, ProblemSite site) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = address(address);
        if (bytes == null) {
            return site.report("value.cidr", text);
        }
        int bits = bytes.length * 8;
        Integer prefix = slash < 0 ? Integer.valueOf(bits) : prefix(text.substring(slash + 1), bits);
        if (prefix == null) {
            return site.report("value.cidr", text);
        }
        CidrBlock block = new CidrBlock(bytes, prefix);
        CidrBlock network = block.withoutHostBits();
        if (!java.util.Arrays.equals(network.network, bytes)) {
            return site.report("value.cidrHostBits", text, network.toString());
        }
        return block.toString();
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

    private CidrBlock withoutHostBits() {
        byte[] masked = network.clone();
        for (int bit = prefix; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return new CidrBlock(masked, prefix);
    }

    @Override
    public String toString() {
        return (network.length == 4 ? ipv4Text() : ipv6Text()) + "/" + prefix;
    }

    private String ipv4Text() {
        return (network[0] & 0xff) + "." + (network[1] & 0xff) + "." + (network[2] & 0xff) + "."
            + (network[3] & 0xff);
    }

    private String ipv6Text() {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((network[2 * i] & 0xff) << 8) | (network[2 * i + 1] & 0xff);
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
