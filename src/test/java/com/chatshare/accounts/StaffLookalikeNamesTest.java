package com.chatshare.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Display names that would pass for staff are refused however they are spelled: other scripts'
 * lookalike letters, digits for letters, the staff word inside a longer word or without spaces.
 * (Through registration: {@code AccountServiceTest}.)
 */
class StaffLookalikeNamesTest {

    private static boolean refused(String displayName) {
        return Registration.impersonationProblem(displayName).isPresent();
    }

    @Test
    void admin_with_a_cyrillic_a_is_refused() {
        assertThat(refused("\u0410dmin")).isTrue(); // А, CYRILLIC CAPITAL LETTER A
        assertThat(refused("\u0430dmin")).isTrue();
        assertThat(refused("\u0410D\u041C\u0406N")).isTrue(); // АDМІN, all Cyrillic but the D
        assertThat(refused("\u0391DMIN")).isTrue(); // Greek capital alpha
        assertThat(refused("\u039Coderator")).isTrue(); // Greek capital mu
    }

    @Test
    void a_staff_word_inside_a_longer_name_is_refused() {
        assertThat(refused("Site Admins")).isTrue();
        assertThat(refused("ModeratorTeam")).isTrue();
        assertThat(refused("Mod Team")).isTrue();
        assertThat(refused("SiteAdministrator")).isTrue();
        assertThat(refused("Chatshare-Support")).isTrue();
        assertThat(refused("Staff_Member")).isTrue();
    }

    @Test
    void digits_signs_and_letter_pairs_that_look_like_letters_are_read_as_those_letters() {
        assertThat(refused("Adm1n")).isTrue();
        assertThat(refused("ADMlN")).isTrue(); // a lowercase L for the I
        assertThat(refused("M0derator")).isTrue();
        assertThat(refused("@dmin")).isTrue();
        assertThat(refused("Adrnin")).isTrue(); // r + n for m
        assertThat(refused("A.d.m.i.n")).isTrue();
        assertThat(refused("S u p p o r t")).isTrue();
    }

    @Test
    void what_was_refused_before_still_is() {
        for (String name : List.of("Admin", "ＭＯＤＥＲＡＴＯＲ", "Chatshare Support", "the Admín team", "mod",
                "\u202Eadmin", "Ad\u200Bmin", "System", "Official")) {
            assertThat(refused(name)).as(name).isTrue();
        }
    }

    @Test
    void ordinary_names_pass() {
        for (String name : List.of("Modest Mouse", "Admiral Ackbar", "Commodore 64", "Ada Lovelace", "Dmitri",
                "Александр", "Νίκος", "Mo Dee", "Eve", "Sam Odin", "Madmax")) {
            assertThat(refused(name)).as(name).isFalse();
        }
    }

    @Test
    void known_false_positives_are_refused_on_purpose() {
        // The staff word inside an ordinary word: accepted as the price of catching "SiteAdmins"
        // (Registration.impersonationProblem says so).
        assertThat(refused("Badminton fan")).isTrue();
        assertThat(refused("Arsenal supporter")).isTrue();
    }
}
