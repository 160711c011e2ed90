package org.factdesk.outbound;

import org.junit.jupiter.api.Test;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The special-purpose table, address by address, and refusals that never show a resolved address. */
class TargetGuardTest {

    /** One address picked by hand inside each range of the table, with the name it must get. */
    static final Map<String, String> SAMPLES = new LinkedHashMap<>();

    static {
        SAMPLES.put("0.1.2.3", "this network");
        SAMPLES.put("10.255.0.1", "private use");
        SAMPLES.put("100.127.255.254", "shared address space (carrier-grade NAT)");
        SAMPLES.put("127.0.0.2", "loopback");
        SAMPLES.put("169.254.169.254", "link-local");
        SAMPLES.put("172.31.0.1", "private use");
        SAMPLES.put("192.0.0.9", "IETF protocol assignments");
        SAMPLES.put("192.0.2.10", "documentation (TEST-NET-1)");
        SAMPLES.put("192.31.196.1", "AS112-v4");
        SAMPLES.put("192.52.193.1", "AMT");
        SAMPLES.put("192.88.99.2", "deprecated 6to4 relay anycast");
        SAMPLES.put("192.168.1.1", "private use");
        SAMPLES.put("192.175.48.6", "direct delegation AS112 service");
        SAMPLES.put("198.19.255.255", "benchmarking");
        SAMPLES.put("198.51.100.7", "documentation (TEST-NET-2)");
        SAMPLES.put("203.0.113.5", "documentation (TEST-NET-3)");
        SAMPLES.put("239.255.255.250", "multicast");
        SAMPLES.put("250.1.2.3", "reserved");
        SAMPLES.put("255.255.255.255", "limited broadcast");
        SAMPLES.put("::1", "loopback");
        SAMPLES.put("::", "unspecified");
        SAMPLES.put("mapped:10.0.0.1", "IPv4-mapped");
        SAMPLES.put("::7f00:1", "IPv4-compatible (deprecated)");
        SAMPLES.put("64:ff9b::7f00:1", "IPv4-IPv6 translation (NAT64)");
        SAMPLES.put("64:ff9b:1::1", "IPv4-IPv6 translation, local use");
        SAMPLES.put("100::1", "discard-only");
        SAMPLES.put("100:0:0:1::1", "dummy IPv6 prefix");
        SAMPLES.put("2001:0:4136:e378::1", "TEREDO");
        SAMPLES.put("2001:1ff::1", "IETF protocol assignments");
        SAMPLES.put("2001:db8::1", "documentation");
        SAMPLES.put("2002:7f00:1::1", "6to4");
        SAMPLES.put("2620:4f:8000::1", "direct delegation AS112 service");
        SAMPLES.put("3fff:fff::1", "documentation");
        SAMPLES.put("5f00::1", "segment routing (SRv6) SIDs");
        SAMPLES.put("fd12:3456::1", "unique-local");
        SAMPLES.put("fe80::1", "link-local unicast");
        SAMPLES.put("fec0::1", "site-local (deprecated)");
        SAMPLES.put("ff02::1", "multicast");
    }

    @Test
    void everyRangeOfTheTableIsRecognisedByAnAddressPickedByHand() throws Exception {
        for (Map.Entry<String, String> sample : SAMPLES.entrySet()) {
            Optional<TargetGuard.Range> range = TargetGuard.specialPurposeRange(address(sample.getKey()));
            assertTrue(range.isPresent(), sample.getKey() + " is special-purpose");
            assertEquals(sample.getValue(), range.get().name(), sample.getKey());
        }
        // Every row of the table has its sample (a row without one would be untested).
        assertEquals(TargetGuard.SPECIAL_PURPOSE.size(), SAMPLES.size());
        assertEquals(TargetGuard.SPECIAL_PURPOSE.stream().map(TargetGuard.Range::cidr).distinct().count(),
                (long) TargetGuard.SPECIAL_PURPOSE.size());
    }

    @Test
    void theFirstAndLastAddressOfEveryRangeAreInItAndTheNeighboursOfSomeAreNot() throws Exception {
        for (TargetGuard.Range range : TargetGuard.SPECIAL_PURPOSE) {
            byte[] first = range.network().clone();
            byte[] last = range.network().clone();
            for (int bit = range.bits(); bit < first.length * 8; bit++) {
                first[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
                last[bit / 8] |= (byte) (0x80 >>> (bit % 8));
            }
            assertTrue(range.contains(raw(first)), range.cidr() + " holds its first address");
            assertTrue(range.contains(raw(last)), range.cidr() + " holds its last address");
        }
        for (String neighbour : List.of("100.63.255.255", "100.128.0.0", "198.17.255.255", "198.20.0.0",
                "9.255.255.255", "11.0.0.0", "172.15.255.255", "172.32.0.0", "223.255.255.255",
                "64:ff9a:ffff::1", "2003::1", "2001:200::1", "fbff::1", "fe7f::1")) {
            assertEquals(Optional.empty(), TargetGuard.specialPurposeRange(address(neighbour)), neighbour);
        }
    }

    @Test
    void publicAddressesPass() throws Exception {
        for (String open : List.of("93.184.215.14", "8.8.8.8", "1.1.1.1", "2606:4700::1111", "2001:4860:4860::8888")) {
            assertEquals(Optional.empty(), TargetGuard.specialPurposeRange(address(open)), open);
        }
    }

    @Test
    void oneForbiddenAddressRefusesTheHostAndTheRefusalNamesOnlyTheHost() throws Exception {
        TargetGuard guard = new TargetGuard(host -> new InetAddress[]{address("93.184.215.14"), address("10.0.0.7")},
                TargetGuard::specialPurposeRange);
        TargetGuard.Refused refused = assertThrows(TargetGuard.Refused.class, () -> guard.addresses("intranet.example", false));
        assertEquals("the address of this host is not allowed (intranet.example)", refused.getMessage());
        assertEquals(Optional.of("the address of this host is not allowed (intranet.example)"),
                guard.refusal("https://intranet.example/hook", false));
        assertFalse(refused.getMessage().contains("10.0.0.7"));
        // The desk can allow private targets; the addresses are still the ones the call will use.
        assertEquals(2, guard.addresses("intranet.example", true).size());
    }

    @Test
    void unresolvableAndNonHttpUrlsAreRefused() {
        TargetGuard guard = new TargetGuard(host -> {
            throw new UnknownHostException(host);
        }, TargetGuard::specialPurposeRange);
        assertEquals(Optional.of("this host cannot be resolved (nowhere.example)"), guard.refusal("http://nowhere.example/", false));
        assertEquals(Optional.of("only http and https URLs with a host are allowed"), guard.refusal("ftp://example.org/", false));
        assertEquals(Optional.of("only http and https URLs with a host are allowed"), guard.refusal("http:///path", false));
    }

    /** An address literal; {@code mapped:a.b.c.d} is the IPv6 form ::ffff:a.b.c.d, which Java would turn into IPv4. */
    static InetAddress address(String text) throws UnknownHostException {
        if (text.startsWith("mapped:")) {
            byte[] bytes = new byte[16];
            bytes[10] = (byte) 0xff;
            bytes[11] = (byte) 0xff;
            System.arraycopy(InetAddress.getByName(text.substring(7)).getAddress(), 0, bytes, 12, 4);
            return Inet6Address.getByAddress(null, bytes, null);
        }
        return InetAddress.getByName(text);
    }

    static InetAddress raw(byte[] bytes) throws UnknownHostException {
        return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, null) : InetAddress.getByAddress(bytes);
    }
}
