package com.chatshare.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What typed text becomes: index terms for words, escaped substrings for what the index lacks. */
class TitleSearchTest {

    @Test
    void words_are_lower_cased_and_split_on_everything_but_letters_digits_and_underscores() {
        TitleSearch search = TitleSearch.of("  Banana  BREAD ");

        assertThat(search.words()).containsExactly("banana", "bread");
        assertThat(search.likes()).isEmpty();
    }

    @Test
    void the_likely_rarest_words_go_first_numbers_then_longer_words() {
        assertThat(TitleSearch.of("Benchmark link 4242").words()).containsExactly("4242", "benchmark", "link");
        assertThat(TitleSearch.of("how kubernetes works how").words()).containsExactly("kubernetes", "works", "how");
    }

    @Test
    void operators_and_quotes_are_separators_never_syntax() {
        TitleSearch search = TitleSearch.of("+apple -pie \"x y\" (z*) ~w <v> @3 'q'");
        assertThat(search.words()).containsExactly("apple", "pie");
        assertThat(search.likes()).containsExactly("%x%", "%y%", "%z%", "%w%", "%v%", "%3%", "%q%");
        assertThat(TitleSearch.of("-+*\"()~<>@").isEmpty()).isTrue();
        assertThat(TitleSearch.of(null).isEmpty()).isTrue();
    }

    @Test
    void short_words_and_scripts_without_spaces_are_escaped_substrings() {
        TitleSearch search = TitleSearch.of("to 100% レシピ déjà!");

        assertThat(search.words()).containsExactly("100", "déjà");
        assertThat(search.likes()).containsExactly("%to%", "%レシピ%");
        assertThat(TitleSearch.of("snake_case").words()).containsExactly("snake_case");
        assertThat(TitleSearch.of("a_").likes()).containsExactly("%a!_%");
    }

    @Test
    void a_pasted_essay_counts_as_its_first_words_only() {
        String essay = "alpha beta gamma delta epsilon zeta eta theta iota kappa ".repeat(100);

        TitleSearch search = TitleSearch.of(essay);

        assertThat(search.words().size() + search.likes().size()).isEqualTo(TitleSearch.MAX_WORDS);
        assertThat(TitleSearch.of("x".repeat(10_000)).likes()).singleElement()
                .satisfies(like -> assertThat(like).hasSize(com.chatshare.sharing.ShareQuery.SEARCH_MAX_LENGTH + 2));
    }
}
