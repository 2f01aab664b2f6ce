package com.chatshare.conversations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.base.markdown.MarkdownRenderer;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An answer as it streams into its message: settled blocks rendered once, then the whole once. */
class StreamedEntryTest {

    static final String ANSWER = """
            Read [the guide][guide] first.

            1. Install it:

               ```sh
               make

               make install
               ```

            2. Run it
               - with `--fast`
               - or slowly

            > Quoted, with a [second link][guide]
            > over two lines.

            [guide]: https://example.com/guide
            """;

    final MarkdownRenderer markdown = new MarkdownRenderer();

    @Test
    void settled_blocks_are_rendered_once_and_only_the_tail_again() {
        ChatMessages.Entry entry = new ChatMessages.Entry(markdown, "Assistant", "AI", false, "", Instant.now());

        entry.appendText("Read [the guide][guide] first.\n\n1. Ins");
        List<Element> first = children(entry);
        assertThat(first).hasSize(2);
        assertThat(first.getFirst().getProperty("innerHTML")).isEqualTo(markdown.toHtml("Read [the guide][guide] first.\n\n"));
        assertThat(first.getLast().getProperty("innerHTML")).isEqualTo(markdown.toHtml("1. Ins"));

        entry.appendText("tall it:\n\n   ```sh\n   make\n\n   make install\n   ```\n\n2. Run");
        List<Element> second = children(entry);
        assertThat(second).hasSize(3);
        // The first block is the same element, not rendered and sent again.
        assertThat(second.getFirst().getNode()).isSameAs(first.getFirst().getNode());
        assertThat(second.get(1).getProperty("innerHTML")).contains("<pre><code class=\"language-sh\">make\n\nmake install\n");
        assertThat(second.getLast().getProperty("innerHTML")).isEqualTo(markdown.toHtml("2. Run"));
    }

    @Test
    void a_finished_answer_is_exactly_what_opening_the_chat_again_shows() {
        ChatMessages.Entry streamed = new ChatMessages.Entry(markdown, "Assistant", "AI", false, "", Instant.now());
        for (int at = 0; at < ANSWER.length(); at += 7) {
            streamed.appendText(ANSWER.substring(at, Math.min(ANSWER.length(), at + 7)));
        }
        assertThat(children(streamed)).hasSizeGreaterThan(3);

        streamed.finishStreaming();

        ChatMessages.Entry reloaded = new ChatMessages.Entry(markdown, "Assistant", "AI", false, ANSWER, Instant.now());
        String html = content(streamed).getProperty("innerHTML");
        assertThat(html).isEqualTo(content(reloaded).getProperty("innerHTML")).isEqualTo(markdown.toHtml(ANSWER));
        assertThat(children(streamed)).isEmpty();
        // Rendered whole, the reference link defined at the end and the list across blank lines come out right.
        assertThat(html).contains("<a href=\"https://example.com/guide\"", "<ol>", "<li>", "<blockquote>");
        assertThat(streamed.getText()).isEqualTo(ANSWER);
    }

    @Test
    void an_answer_that_never_streamed_is_left_as_it_is() {
        ChatMessages.Entry entry = new ChatMessages.Entry(markdown, "Assistant", "AI", false, "**Done**", Instant.now());

        entry.finishStreaming();

        assertThat(content(entry).getProperty("innerHTML")).isEqualTo("<p><strong>Done</strong></p>");
    }

    private static Element content(ChatMessages.Entry entry) {
        Component body = entry.getChildren().toList().getLast();
        return body.getChildren().toList().getLast().getElement();
    }

    private static List<Element> children(ChatMessages.Entry entry) {
        return content(entry).getChildren().toList();
    }
}
