package com.chatshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShareTokenTest {

    @Test
    void generated_tokens_are_well_formed_and_distinct() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String token = ShareToken.generate().value();
            assertThat(token).hasSize(ShareToken.LENGTH);
            assertThat(ShareToken.isWellFormed(token)).as(token).isTrue();
            tokens.add(token);
        }
        assertThat(tokens).hasSize(1_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AZaz09-_AZaz09-_AZaz09", "______________________", "----------------------"})
    void base64url_of_22_characters_is_well_formed(String token) {
        assertThat(ShareToken.isWellFormed(token)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "AZaz09-_AZaz09-_AZaz0", "AZaz09-_AZaz09-_AZaz09A", "AZaz09+/AZaz09-_AZaz09",
            "AZaz09-_AZaz09-_AZaz0=", "AZaz09-_AZaz09-_AZaz0é", "AZaz09-_AZaz09-_AZaz0１", "AZaz09-_AZaz09-_AZaz0 ",
            "AZaz09-_AZaz09-_AZaz0.", "../../../../etc/passwd"})
    void anything_else_is_not(String token) {
        assertThat(ShareToken.isWellFormed(token)).isFalse();
    }
}
