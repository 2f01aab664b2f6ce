package com.chatshare.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsernamesTest {

    @Test
    void spellings_the_database_collation_treated_as_equal_map_to_one_name() {
        assertThat(Usernames.canonical("bob")).isEqualTo("bob");
        assertThat(Usernames.canonical(" BOB ")).isEqualTo("bob");
        assertThat(Usernames.canonical("bób")).isEqualTo("bob");
        assertThat(Usernames.canonical("bo\u0301b")).isEqualTo("bob");
        assertThat(Usernames.canonical("ｂｏｂ")).isEqualTo("bob");
        assertThat(Usernames.canonical("ＢÓＢ")).isEqualTo("bob");
        assertThat(Usernames.canonical("İnes")).isEqualTo("ines");
        assertThat(Usernames.canonical("ﬁona")).isEqualTo("fiona");
    }

    @Test
    void a_canonical_form_is_its_own_canonical_form() {
        for (String typed : new String[] {"bob", "a.b_c-9", "ＢÓＢ", "İnes", "ﬁona", "Ǆemal", "ẞ", "b\u00ADob"}) {
            String once = Usernames.canonical(typed);
            assertThat(Usernames.canonical(once)).as(typed).isEqualTo(once);
        }
    }

    @Test
    void invisible_characters_are_kept_so_the_name_matches_no_account() {
        assertThat(Usernames.canonical("b\u00ADob")).isNotEqualTo("bob");
        assertThat(Usernames.canonical("b\u200Bob")).isNotEqualTo("bob");
    }

    @Test
    void over_long_input_is_not_normalised_and_is_no_name() {
        String huge = "\uFDFA".repeat(Usernames.MAX_INPUT_LENGTH + 1);

        assertThat(Usernames.canonical(huge)).isEqualTo(Usernames.TOO_LONG);
        assertThat(Usernames.canonical(null)).isEmpty();
    }
}
