package com.chatshare.base.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The one sanitiser: a person's words as typed, the assistant's as sanitised Markdown. */
class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void what_a_person_typed_is_shown_as_typed_not_as_markdown() {
        String typed = "{{7*7}} ${7*7}\n  *indented* <b>bold?</b> &amp;\n\n# no heading";

        Document shown = Jsoup.parseBodyFragment(renderer.messageHtml(typed, true));

        assertThat(shown.select("em, strong, b, h1")).isEmpty();
        assertThat(shown.select("p.verbatim")).hasSize(1);
        assertThat(shown.select("p.verbatim").first().wholeText()).isEqualTo(typed);
    }

    @Test
    void the_assistants_answer_is_rendered_as_markdown() {
        Document shown = Jsoup.parseBodyFragment(renderer.messageHtml("Use *both*.\n\n# Steps", false));

        assertThat(shown.select("em").text()).isEqualTo("both");
        assertThat(shown.select("h1").text()).isEqualTo("Steps");
        assertThat(shown.select(".verbatim")).isEmpty();
    }

    @Test
    void typed_text_cannot_become_markup_nor_turn_around_by_bidi_controls() {
        String html = renderer.verbatimHtml("<img src=x onerror=alert(1)>\u202Egnp.exe</script>");

        assertThat(html).doesNotContain("<img", "</script>", "\u202E")
                .isEqualTo("<p class=\"verbatim\">&lt;img src=x onerror=alert(1)&gt;gnp.exe&lt;/script&gt;</p>");
    }

    @Test
    void a_title_loses_its_bidi_controls_and_nothing_else() {
        assertThat(MarkdownRenderer.withoutBidiControls("\u202Egnp.exe <b>*x*</b> &amp; \u2066a\u2069\u200F"))
                .isEqualTo("gnp.exe <b>*x*</b> &amp; a");
        assertThat(MarkdownRenderer.withoutBidiControls(null)).isEmpty();
    }

    @Test
    void empty_typed_text_gives_no_paragraph() {
        assertThat(renderer.verbatimHtml(" \n ")).isEmpty();
    }
}
