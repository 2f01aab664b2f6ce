package com.chatshare.sharepage.web;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The picture of a link's preview card (decision 0027), drawn with Java2D on the server: the
 * title, wrapped to {@link #MAX_LINES} lines with an ellipsis, and the site's name; never any
 * message text. The title is the owner's text: any script or direction, emoji, control characters
 * and {@code ShareDetails.TITLE_MAX_LENGTH} characters are drawn or replaced, never an error. The
 * font is the logical {@code SansSerif}, which every JDK maps to a font it has (and falls back
 * across scripts). Runs headless: Spring Boot sets {@code java.awt.headless=true} before the
 * context starts.
 */
final class PreviewCardImage {

    /** The size every network's large card asks for (1.91:1). */
    static final int WIDTH = 1200;
    static final int HEIGHT = 630;
    /** The most lines of title drawn; the last one ends with an ellipsis when the title goes on. */
    static final int MAX_LINES = 3;
    /** What is drawn for a title that has nothing drawable left. */
    static final String UNTITLED = "Shared chat";

    private static final int MARGIN = 80;
    private static final int TEXT_WIDTH = WIDTH - 2 * MARGIN;
    private static final Color BACKGROUND = new Color(0x1B, 0x26, 0x3B);
    private static final Color ACCENT = new Color(0x4C, 0x8D, 0xF6);
    private static final Color TITLE = Color.WHITE;
    private static final Color SITE = new Color(0xC9, 0xD4, 0xE5);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 64);
    private static final Font SITE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 36);
    private static final int TITLE_LINE_HEIGHT = 84;

    private PreviewCardImage() {
    }

    /** The card of a title on this site, as PNG bytes of {@link #WIDTH} × {@link #HEIGHT}. */
    static byte[] png(String title, String siteName) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(ACCENT);
            g.fillRect(0, 0, WIDTH, 16);
            g.fillRoundRect(MARGIN, HEIGHT - MARGIN - 44, 12, 44, 6, 6);

            g.setColor(TITLE);
            float y = MARGIN + 40;
            for (TextLayout line : titleLines(clean(title, UNTITLED), g.getFontRenderContext())) {
                y += TITLE_LINE_HEIGHT;
                line.draw(g, line.isLeftToRight() ? MARGIN : MARGIN + TEXT_WIDTH - line.getAdvance(), y);
            }

            g.setColor(SITE);
            TextLayout site = new TextLayout(clean(siteName, "Chatshare"), SITE_FONT, g.getFontRenderContext());
            site.draw(g, MARGIN + 32, HEIGHT - MARGIN - 8);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        // In memory: ImageIO's default writes a temporary file per picture (and fails on a read-only disk).
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageIO.write(image, "png", stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The text as one line: control and format characters (tabs, new lines, bidi controls; not the
     * zero-width joiner) become spaces, runs of spaces one, and characters no installed font can
     * draw are left out; {@code empty} when nothing is left.
     */
    static String clean(String text, String empty) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            boolean blank = Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.CONTROL
                    || (type == Character.FORMAT && c != 0x200D) || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE;
            if (!blank && !TITLE_FONT.canDisplay(c) && c != 0x200D) {
                // No font here has it (colour emoji, rare scripts): left out rather than drawn as a box.
                continue;
            }
            if (blank) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.appendCodePoint(c);
            }
        }
        return out.isEmpty() ? empty : out.toString();
    }

    /**
     * The title in at most {@link #MAX_LINES} lines of {@link #TEXT_WIDTH}; the last ends with "…"
     * if text was left over.
     */
    static List<TextLayout> titleLines(String text, FontRenderContext context) {
        AttributedString styled = new AttributedString(text, Map.of(TextAttribute.FONT, TITLE_FONT));
        LineBreakMeasurer measurer = new LineBreakMeasurer(styled.getIterator(), context);
        List<TextLayout> lines = new ArrayList<>(MAX_LINES);
        while (measurer.getPosition() < text.length() && lines.size() < MAX_LINES) {
            int start = measurer.getPosition();
            TextLayout line = measurer.nextLayout(TEXT_WIDTH);
            if (lines.size() == MAX_LINES - 1 && measurer.getPosition() < text.length()) {
                line = withEllipsis(text.substring(start), context);
            }
            lines.add(line);
        }
        return lines;
    }

    /** The longest start of {@code rest}, cut between code points, that fits {@link #TEXT_WIDTH} with "…" after it. */
    private static TextLayout withEllipsis(String rest, FontRenderContext context) {
        int low = 0;
        int high = rest.length();
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (layout(cut(rest, mid), context).getAdvance() <= TEXT_WIDTH) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return layout(cut(rest, low), context);
    }

    private static String cut(String text, int length) {
        int end = length;
        if (end > 0 && end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    private static TextLayout layout(String text, FontRenderContext context) {
        return new TextLayout(new AttributedString(text, Map.of(TextAttribute.FONT, TITLE_FONT)).getIterator(), context);
    }
}
