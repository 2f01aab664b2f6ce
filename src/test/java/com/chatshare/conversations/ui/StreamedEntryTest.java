package com.chatshare.conversations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.base.markdown.MarkdownRenderer;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An answer as it streams into its message: the tail rendered again, the whole once at the end. */
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
    void while_an_answer_is_written_only_its_tail_is_rendered_again() {
        MessageEntry entry = new MessageEntry(markdown, "Assistant", "AI", false, "", Instant.now());

        entry.appendText("Read [the guide][guide] first.\n\n1. Ins");
        assertThat(tail(entry).getProperty("innerHTML")).isEqualTo(markdown.toHtml("1. Ins"));

        entry.appendText("tall it:\n\n   ```sh\n   make\n\n   make install\n   ```\n\n2. Run");
        assertThat(tail(entry).getProperty("innerHTML")).isEqualTo(markdown.toHtml("2. Run"));
        // The settled blocks went to the browser once, appended there; the server keeps no copy to send again.
        assertThat(content(entry).getProperty("innerHTML")).isNull();
    }

    @Test
    void a_finished_answer_is_exactly_what_opening_the_chat_again_shows() {
        for (String answer : List.of(ANSWER, "Plain *first* block.\n\n```java\nint a;\n\nint b;\n```\n\n- one\n- two\n")) {
            MessageEntry streamed = new MessageEntry(markdown, "Assistant", "AI", false, "", Instant.now());
            for (int at = 0; at < answer.length(); at += 7) {
                streamed.appendText(answer.substring(at, Math.min(answer.length(), at + 7)));
            }

            Element whileWritten = content(streamed);

            streamed.finishStreaming();

            MessageEntry reloaded = new MessageEntry(markdown, "Assistant", "AI", false, answer, Instant.now());
            assertThat(content(streamed).getProperty("innerHTML"))
                    .isEqualTo(content(reloaded).getProperty("innerHTML"))
                    .isEqualTo(markdown.toHtml(answer));
            assertThat(streamed.getElement().getChildren().toList().getLast().getChildCount()).isEqualTo(2);
            assertThat(streamed.getText()).isEqualTo(answer);
            // Sent again whole only when it differs from the blocks the browser has (the reference link here).
            assertThat(content(streamed).getNode() == whileWritten.getNode()).isEqualTo(answer != ANSWER);
        }
        // Rendered whole, the reference link defined at the end and the list across blank lines come out right.
        assertThat(markdown.toHtml(ANSWER)).contains("<a href=\"https://example.com/guide\"", "<ol>", "<li>", "<blockquote>");
    }

    @Test
    void an_answer_that_never_streamed_is_left_as_it_is() {
        MessageEntry entry = new MessageEntry(markdown, "Assistant", "AI", false, "**Done**", Instant.now());

        entry.finishStreaming();

        assertThat(content(entry).getProperty("innerHTML")).isEqualTo("<p><strong>Done</strong></p>");
    }

    /** The message's content: after the header, before the tail while an answer is written. */
    private static Element content(MessageEntry entry) {
        Component body = entry.getChildren().toList().getLast();
        return body.getChildren().toList().get(1).getElement();
    }

    private static Element tail(MessageEntry entry) {
        Component body = entry.getChildren().toList().getLast();
        Element tail = body.getChildren().toList().getLast().getElement();
        assertThat(tail.getClassList()).contains("chat-message-tail");
        return tail;
    }
}
