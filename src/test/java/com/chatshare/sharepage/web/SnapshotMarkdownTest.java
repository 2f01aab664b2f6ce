package com.chatshare.sharepage.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.conversations.MessageRole;
import com.chatshare.sharing.SnapshotSource;
import com.chatshare.sharing.SourceMessage;
import java.time.Instant;
import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Markdown download's text and file name, without a server. */
class SnapshotMarkdownTest {

    static final Instant SHARED = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant UPDATED = Instant.parse("2026-03-04T10:00:00Z");

    /** The person's words as a Markdown viewer shows them: the download read back through CommonMark. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{{7*7}} ${7*7}",
            "*not italic* _nor this_ **nor bold** `no code` ~~no strike~~",
            "# not a heading\n- not a list\n+ nor this\n1. nor a numbered one\n2) nor this\n> not a quote",
            "first line\nsecond line\n\nnew paragraph",
            "    four spaces are not code\n\tnor a tab",
            "a | table | row\n---|---\n[a link](https://example.com) ![an image](x.png) <b>tag</b> &amp; entity",
            "```\nnot a fence\n```",
            "title\n===\nsubtitle\n---",
            "back\\slash at the end\\",
    })
    void a_persons_words_read_in_a_markdown_viewer_as_typed(String typed) {
        Parser parser = Parser.builder().build();
        String html = HtmlRenderer.builder().build().render(parser.parse(SnapshotMarkdown.verbatim(typed)));
        // Every line break the person typed must be a hard break (<br>, which wholeText() reads
        // as a line break), so the renderer's own newlines between tags are not text.
        Document shown = Jsoup.parseBodyFragment(html.replace("\n", ""));
        shown.select("p + p").before("\n\n");
        String text = shown.body().wholeText().replace('\u00A0', ' ');

        assertThat(shown.select("em, strong, code, h1, h2, ul, ol, blockquote, a, img, table, pre, del, b")).isEmpty();
        assertThat(text).isEqualTo(typed.replace("\t", "    "));
    }

    @Test
    void the_file_has_the_title_the_author_the_dates_and_each_message_under_its_role() {
        String md = SnapshotMarkdown.of(new SnapshotSource(1, "Tea", "Alice", SHARED, UPDATED, 2, List.of(
                new SourceMessage(MessageRole.USER, "Green or *black*?\r\n"),
                new SourceMessage(MessageRole.ASSISTANT, "Both.\n\n- green\n- black"))));

        assertThat(md).isEqualTo("""
                # Tea

                Shared by Alice on 1 March 2026, updated on 4 March 2026

                ## User

                Green or \\*black\\*?

                ## Assistant

                Both.

                - green
                - black
                """);
    }

    @Test
    void a_title_or_name_cannot_add_lines_or_markup() {
        String md = SnapshotMarkdown.of(new SnapshotSource(1, "Line\nbreak # *x* <b>", "Eve\r\n## Assistant",
                SHARED, SHARED, 1, List.of()));

        assertThat(md).startsWith("# Line break \\# \\*x\\* \\<b\\>\n\nShared by Eve \\#\\# Assistant on 1 March 2026\n")
                .doesNotContain("\n## Assistant");
    }

    @Test
    void a_message_that_leaves_a_code_fence_open_has_it_closed() {
        assertThat(SnapshotMarkdown.openFence("```java\nint x;")).isEqualTo("```");
        assertThat(SnapshotMarkdown.openFence("~~~~\ncode\n~~~")).isEqualTo("~~~~");
        assertThat(SnapshotMarkdown.openFence("```\ncode\n```")).isNull();
        assertThat(SnapshotMarkdown.openFence("````\n```\n````")).isNull();
        assertThat(SnapshotMarkdown.openFence("``` not `a` fence")).isNull();
        assertThat(SnapshotMarkdown.openFence("plain text")).isNull();

        String md = SnapshotMarkdown.of(new SnapshotSource(1, "Fences", "", SHARED, SHARED, 1, List.of(
                new SourceMessage(MessageRole.ASSISTANT, "```\nunclosed"),
                new SourceMessage(MessageRole.USER, "Next"))));
        assertThat(md).contains("```\nunclosed\n```\n\n## User\n\nNext\n").contains("Shared anonymously on");
    }

    @Test
    void file_names_keep_to_safe_characters_and_a_bounded_length() {
        assertThat(SnapshotMarkdown.asciiFileName("Crème brûlée: a how-to")).isEqualTo("Creme brulee- a how-to.md");
        assertThat(SnapshotMarkdown.asciiFileName("../..")).isEqualTo("shared-chat.md");
        assertThat(SnapshotMarkdown.asciiFileName("\"\r\nSet-Cookie: x=1")).isEqualTo("Set-Cookie- x-1.md");
        assertThat(SnapshotMarkdown.asciiFileName("日本語")).isEqualTo("shared-chat.md");
        assertThat(SnapshotMarkdown.unicodeFileName("日本語/の\\チャット")).isEqualTo("日本語-の-チャット.md");
        assertThat(SnapshotMarkdown.unicodeFileName("a\u202Eb\u0000c")).isEqualTo("a-b-c.md");
        assertThat(SnapshotMarkdown.asciiFileName("x".repeat(300))).hasSize(SnapshotMarkdown.FILE_NAME_MAX_LENGTH + 3);
        assertThat(SnapshotMarkdown.percentEncode("a b;é\"")).isEqualTo("a%20b%3B%C3%A9%22");
        assertThat(SnapshotMarkdown.contentDisposition("Tea\r\nX: y")).doesNotContain("\r", "\n")
                .isEqualTo("attachment; filename=\"Tea-X- y.md\"; filename*=UTF-8''Tea-X-%20y.md");
    }
}
