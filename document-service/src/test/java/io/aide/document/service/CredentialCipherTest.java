package io.aide.document.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialCipherTest {

    @Test
    void shouldRoundTripAPasswordWithoutStoringItInClear() {
        // Given
        CredentialCipher cipher = new CredentialCipher("correct horse battery staple");

        // When
        String sealed = cipher.encrypt("s3cr3t-Passw0rd");

        // Then
        assertThat(sealed).startsWith("v1:").doesNotContain("s3cr3t");
        assertThat(cipher.decrypt(sealed)).isEqualTo("s3cr3t-Passw0rd");
    }

    @Test
    void shouldSealTheSamePasswordDifferentlyEachTime() {
        // Given
        CredentialCipher cipher = new CredentialCipher("k");

        // When
        String a = cipher.encrypt("pw");
        String b = cipher.encrypt("pw");

        // Then
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void shouldRefuseToDecryptWithAnotherKey() {
        // Given
        String sealed = new CredentialCipher("key-one").encrypt("pw");

        // When / Then
        assertThatThrownBy(() -> new CredentialCipher("key-two").decrypt(sealed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AIDE_SECRET_KEY");
    }
}
