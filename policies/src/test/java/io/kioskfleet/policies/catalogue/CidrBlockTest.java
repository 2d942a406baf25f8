package io.kioskfleet.policies.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CidrBlockTest {

    private static final BigInteger TEN_ONE_TWO_THREE = BigInteger.valueOf(0x0a010203L);

    @Test
    void theSameNetworkReachedTwiceIsOneValue() {
        CidrBlock written = new CidrBlock(BigInteger.valueOf(0x0a000000L), 32, 8);
        CidrBlock fromAHost = CidrBlock.containing(TEN_ONE_TWO_THREE, 32, 8);

        assertThat(fromAHost).isEqualTo(written).hasSameHashCodeAs(written);
        assertThat(Set.of(written)).contains(fromAHost);
        assertThat(fromAHost).hasToString("10.0.0.0/8");
    }

    @Test
    void anIpv4NetworkAndTheIpv6NetworkWithTheSameNumberDiffer() {
        assertThat(new CidrBlock(BigInteger.ZERO, 32, 0))
            .isNotEqualTo(new CidrBlock(BigInteger.ZERO, 128, 0));
        assertThat(new CidrBlock(BigInteger.ZERO, 128, 0)).hasToString("::/0");
    }

    @Test
    void aNetworkCannotBeBuiltWithHostBitsSetOrOutsideItsAddressSize() {
        assertThatThrownBy(() -> new CidrBlock(TEN_ONE_TWO_THREE, 32, 8))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host bits");
        assertThatThrownBy(() -> new CidrBlock(BigInteger.ONE.shiftLeft(32), 32, 32))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CidrBlock(BigInteger.ZERO, 32, 33))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ipv6IsSpelledTheRfc5952Way() {
        BigInteger address = new BigInteger("20010db8000000000000000000000001", 16);
        assertThat(new CidrBlock(address, 128, 128)).hasToString("2001:db8::1/128");
        assertThat(CidrBlock.containing(address, 128, 32)).hasToString("2001:db8::/32");
    }
}
