package com.chatshare.conversations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamedMarkdownTest {

    @Test
    void text_without_any_newline_is_all_tail() {
        StreamedMarkdown markdown = streamed("Just one line of an answer, still being written");

        assertThat(markdown.takeSettled()).isEmpty();
        assertThat(markdown.tail()).isEqualTo("Just one line of an answer, still being written");
    }

    @Test
    void lines_without_a_blank_line_between_them_stay_in_the_tail() {
        StreamedMarkdown markdown = streamed("# Title\nline one\nline two\n");

        assertThat(markdown.takeSettled()).isEmpty();
        assertThat(markdown.tail()).isEqualTo("# Title\nline one\nline two\n");
    }

    @Test
    void a_blank_line_settles_what_is_before_it_once_the_next_line_begins_at_the_margin() {
        StreamedMarkdown markdown = streamed("First paragraph.\n\n");
        assertThat(markdown.takeSettled()).isEmpty();

        markdown.append("S");

        assertThat(markdown.takeSettled()).isEqualTo("First paragraph.\n\n");
        assertThat(markdown.tail()).isEqualTo("S");
    }

    @Test
    void each_settled_part_is_handed_out_once() {
        StreamedMarkdown markdown = streamed("One.\n\nTwo.\n\nThree");
        assertThat(markdown.takeSettled()).isEqualTo("One.\n\nTwo.\n\n");
        assertThat(markdown.takeSettled()).isEmpty();

        markdown.append(".\n\nFour");

        assertThat(markdown.takeSettled()).isEqualTo("Three.\n\n");
        assertThat(markdown.tail()).isEqualTo("Four");
    }

    @Test
    void blank_lines_inside_a_fence_do_not_settle_anything() {
        StreamedMarkdown markdown = streamed("Code:\n\n```java\nint a = 1;\n\nint b = 2;\n");
        assertThat(markdown.takeSettled()).isEqualTo("Code:\n\n");
        assertThat(markdown.tail()).isEqualTo("```java\nint a = 1;\n\nint b = 2;\n");

        markdown.append("```\n\nAfter the code.");

        assertThat(markdown.takeSettled()).isEqualTo("```java\nint a = 1;\n\nint b = 2;\n```\n\n");
        assertThat(markdown.tail()).isEqualTo("After the code.");
    }

    @Test
    void a_fence_closes_only_with_its_own_character_and_at_least_its_length() {
        StreamedMarkdown markdown = streamed("~~~~\n```\n\n~~~\n\ninside\n");
        assertThat(markdown.takeSettled()).isEmpty();

        markdown.append("~~~~~  \n\nafter");

        assertThat(markdown.takeSettled()).isEqualTo("~~~~\n```\n\n~~~\n\ninside\n~~~~~  \n\n");
        assertThat(markdown.tail()).isEqualTo("after");
    }

    @Test
    void an_indented_fence_in_a_list_item_counts_as_a_fence() {
        StreamedMarkdown markdown = streamed("1. Run this:\n\n   ```sh\n   make\n\n   make test\n   ```\n\n2. Done");

        assertThat(markdown.takeSettled()).isEqualTo("1. Run this:\n\n   ```sh\n   make\n\n   make test\n   ```\n\n");
        assertThat(markdown.tail()).isEqualTo("2. Done");
    }

    @Test
    void inline_code_with_three_backticks_on_one_line_is_no_fence() {
        StreamedMarkdown markdown = streamed("```not a fence``` here\n\nnext");

        assertThat(markdown.takeSettled()).isEqualTo("```not a fence``` here\n\n");
    }

    @Test
    void crlf_line_ends_count_as_line_ends_even_when_split_between_pieces() {
        StreamedMarkdown markdown = new StreamedMarkdown();
        for (String piece : List.of("One.\r", "\n\r", "\nTwo.\r\n", "```\r\n\r\n", "code\r\n```\r\n\r", "\nThree")) {
            markdown.append(piece);
        }

        assertThat(markdown.takeSettled()).isEqualTo("One.\r\n\r\nTwo.\r\n```\r\n\r\ncode\r\n```\r\n\r\n");
        assertThat(markdown.tail()).isEqualTo("Three");
    }

    @Test
    void nested_lists_stay_together_across_a_blank_line_before_an_indented_item() {
        StreamedMarkdown markdown = streamed("- a\n  - b\n\n  - c\n\n    continued\n");
        assertThat(markdown.takeSettled()).isEmpty();

        markdown.append("\n- d\n");

        assertThat(markdown.takeSettled()).isEqualTo("- a\n  - b\n\n  - c\n\n    continued\n\n");
        assertThat(markdown.tail()).isEqualTo("- d\n");
    }

    @Test
    void however_the_text_is_cut_into_pieces_the_parts_are_the_same() {
        String answer = """
                # Plan\r
                \r
                Some *text* first.

                1. one
                   - nested

                   - loose
                2. two

                ```python
                def f():

                    return 1
                ```
                ~~~
                ```

                ~~~

                Last line without a break""";
        List<String> whole = parts(List.of(answer));
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            List<String> pieces = new ArrayList<>();
            int at = 0;
            while (at < answer.length()) {
                int next = Math.min(answer.length(), at + 1 + random.nextInt(6));
                pieces.add(answer.substring(at, next));
                at = next;
            }
            assertThat(String.join("", parts(pieces))).isEqualTo(answer);
            assertThat(parts(pieces).getLast()).isEqualTo(whole.getLast());
        }
        assertThat(whole.getLast()).isEqualTo("Last line without a break");
    }

    /** Everything handed out as settled, piece by piece, and at the end the tail. */
    private static List<String> parts(List<String> pieces) {
        StreamedMarkdown markdown = new StreamedMarkdown();
        List<String> parts = new ArrayList<>();
        for (String piece : pieces) {
            markdown.append(piece);
            String settled = markdown.takeSettled();
            if (!settled.isEmpty()) {
                parts.add(settled);
            }
        }
        parts.add(markdown.tail());
        return parts;
    }

    private static StreamedMarkdown streamed(String text) {
        StreamedMarkdown markdown = new StreamedMarkdown();
        markdown.append(text);
        return markdown;
    }
}
