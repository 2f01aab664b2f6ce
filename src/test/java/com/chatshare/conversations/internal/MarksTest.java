package com.chatshare.conversations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.conversations.MarkedText;
import org.junit.jupiter.api.Test;

/** Marks and snippets, as the chat search shows them: plain text, the matches marked. */
class MarksTest {

    @Test
    void a_long_message_is_cut_around_its_first_match_on_one_line_with_ellipses() {
        String message = "Intro words. ".repeat(20) + "Then the\nsourdough   rises overnight. " + "More text. ".repeat(30);

        MarkedText snippet = new Marks(SearchWords.of("sour")).snippet(message);

        assertThat(snippet.text()).startsWith("…").endsWith("…").contains("Then the sourdough rises overnight.")
                .doesNotContain("\n").hasSizeLessThanOrEqualTo(Marks.SNIPPET_LENGTH + 2);
        assertThat(snippet.parts()).filteredOn(MarkedText.Part::marked).extracting(MarkedText.Part::text)
                .containsExactly("sourdough");
    }

    @Test
    void whole_words_are_marked_by_their_beginning_case_and_accents_aside_fragments_anywhere() {
        Marks marks = new Marks(SearchWords.of("CAFE shar ré"));

        MarkedText marked = marks.all("Un Café, sharing préféré — not reshare");

        assertThat(marked.parts()).filteredOn(MarkedText.Part::marked).extracting(MarkedText.Part::text)
                .containsExactly("Café", "sharing", "ré", "ré", "re", "re");
        assertThat(marked.text()).isEqualTo("Un Café, sharing préféré — not reshare");
    }

    @Test
    void markup_in_a_message_stays_text() {
        MarkedText marked = new Marks(SearchWords.of("img")).all("<img src=x onerror=alert(1)>");

        assertThat(marked.text()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(marked.parts()).filteredOn(MarkedText.Part::marked).extracting(MarkedText.Part::text)
                .containsExactly("img");
    }
}
