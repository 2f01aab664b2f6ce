package com.chatshare.sharepage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The card's picture (decision 0027): any title the owner may type draws a 1200×630 PNG, never an error. */
class PreviewCardImageTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "How do I bake sourdough?",
            "كيف أخبز خبز العجين المخمر؟ مع بعض English في الوسط",
            "שלום עולם — a title that mixes directions ‏and marks‎",
            "Emoji 🧑‍🍳🍞🔥 and flags 🇫🇷 and a lone surrogate \uD83D the end",
            "Tabs\tnew\nlines\u0000nulls\u0007bells\u202Eoverride\u200Bzero width",
            "\u0000\u0001\u0002",
            "",
            "漢字とかなの題名が長く続いてもきちんと折り返されて三行で省略されるかどうかを確かめるための題名です。まだまだ続きます、さらに続きます、もっと続きます。",
    })
    void any_title_draws_a_1200_by_630_png(String title) throws IOException {
        assertDrawn(PreviewCardImage.png(title, "Chatshare"));
    }

    @Test
    void a_long_title_and_one_long_word_fit_in_three_lines_with_an_ellipsis() throws IOException {
        String words = "word ".repeat(60).strip();
        String oneWord = "x".repeat(300);
        for (String title : List.of(words, oneWord)) {
            assertDrawn(PreviewCardImage.png(title, "A site with a long name ".repeat(5)));
            var lines = PreviewCardImage.titleLines(PreviewCardImage.clean(title, "?"),
                    new java.awt.font.FontRenderContext(null, true, true));
            assertThat(lines).hasSize(PreviewCardImage.MAX_LINES);
            assertThat(lines.getLast().getAdvance()).isLessThanOrEqualTo(PreviewCardImage.WIDTH - 160);
        }
    }

    @Test
    void control_characters_become_spaces_and_an_empty_title_a_placeholder() {
        assertThat(PreviewCardImage.clean("a\tb\n\nc\u0000d\u202Ee", "-")).isEqualTo("a b c d e");
        assertThat(PreviewCardImage.clean(" \u0000 ", "-")).isEqualTo("-");
    }

    private static void assertDrawn(byte[] png) throws IOException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(PreviewCardImage.WIDTH);
        assertThat(image.getHeight()).isEqualTo(PreviewCardImage.HEIGHT);
    }
}
