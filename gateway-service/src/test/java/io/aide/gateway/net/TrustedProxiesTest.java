package io.aide.gateway.net;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {
    private final TrustedProxies proxies = TrustedProxies.parse(List.of("10.0.0.0/8", " 192.168.1.7 ", "fd00::/8"));

    @Test
    void shouldIgnoreForwardedForFromAPeerThatIsNotATrustedProxy() {
        // When
        String client = proxies.clientAddress("203.0.113.9", List.of("198.51.100.1"));

        // Then
        assertThat(client).isEqualTo("203.0.113.9");
    }

    @Test
    void shouldIgnoreForwardedForEntirelyWhenNoProxyIsTrusted() {
        // Given
        TrustedProxies none = TrustedProxies.parse(List.of());

        // When
        String client = none.clientAddress("10.1.2.3", List.of("198.51.100.1"));

        // Then
        assertThat(none.isEmpty()).isTrue();
        assertThat(client).isEqualTo("10.1.2.3");
    }

    @Test
    void shouldTakeTheFirstUntrustedHopFromTheRightBehindTrustedProxies() {
        // Given: the client forged a first entry; the trusted proxies appended what they saw
        List<String> header = List.of("1.1.1.1, 198.51.100.23", "10.9.8.7");

        // When
        String client = proxies.clientAddress("192.168.1.7", header);

        // Then: 10.9.8.7 is a trusted hop, 198.51.100.23 the address it saw; the forged 1.1.1.1 is never reached
        assertThat(client).isEqualTo("198.51.100.23");
    }

    @Test
    void shouldStopAtAnEntryThatIsNotAnAddressAndKeepTheLastTrustedHop() {
        // When
        String garbage = proxies.clientAddress("10.0.0.5", List.of("evil.example.com"));
        String unknown = proxies.clientAddress("10.0.0.5", List.of("198.51.100.4, unknown, 10.0.0.6"));

        // Then
        assertThat(garbage).isEqualTo("10.0.0.5");
        assertThat(unknown).isEqualTo("10.0.0.6");
    }

    @Test
    void shouldReadPortsBracketsIpv6AndMappedAddresses() {
        // When
        String withPort = proxies.clientAddress("10.0.0.5", List.of("198.51.100.4:5123"));
        String bracketed = proxies.clientAddress("10.0.0.5", List.of("[2001:db8::1]:443"));
        String viaIpv6Proxy = proxies.clientAddress("fd12::1", List.of("2001:db8::2"));
        String mapped = proxies.clientAddress("::ffff:10.0.0.5", List.of("198.51.100.8"));

        // Then
        assertThat(withPort).isEqualTo("198.51.100.4");
        assertThat(bracketed).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(viaIpv6Proxy).isEqualTo("2001:db8:0:0:0:0:0:2");
        assertThat(mapped).isEqualTo("198.51.100.8");
    }

    @Test
    void shouldAnswerTheLeftmostHopWhenEveryHopIsATrustedProxy() {
        // When
        String client = proxies.clientAddress("10.0.0.1", List.of("10.0.0.3, 10.0.0.2"));

        // Then
        assertThat(client).isEqualTo("10.0.0.3");
    }

    @Test
    void shouldMatchCidrBlocksOnTheirPrefixOnly() {
        // Given
        TrustedProxies block = TrustedProxies.parse(List.of("172.16.0.0/12"));

        // When
        String inside = block.clientAddress("172.31.255.254", List.of("198.51.100.1"));
        String outside = block.clientAddress("172.32.0.1", List.of("198.51.100.1"));

        // Then
        assertThat(inside).isEqualTo("198.51.100.1");
        assertThat(outside).isEqualTo("172.32.0.1");
    }

    @Test
    void shouldRefuseAConfiguredEntryThatIsNotAnAddressOrBlockNamingIt() {
        // When / Then
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("10.0.0.0/8", "proxy.internal")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'proxy.internal'");
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefix length");
    }
}
