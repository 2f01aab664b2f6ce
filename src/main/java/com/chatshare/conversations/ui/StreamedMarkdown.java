package com.chatshare.conversations.ui;

/**
 * An answer's Markdown as it streams in, split into a settled part and a tail, so that the chat
 * renders each settled part once and re-renders only the tail: bytes and work grow with the
 * answer, not with its square.
 *
 * <p>The settled part ends after the last blank line outside a fenced code block ({@code ```} or
 * {@code ~~~}, at any indentation, so fences in list items count too) that is followed by a line
 * starting at the margin. A blank line followed by an indented line is not an end: the indented
 * line goes on a list item or an indented code block. Only complete lines are looked at, each once;
 * line ends may be {@code \n}, {@code \r\n} or {@code \r}. Blocks that Markdown joins across blank
 * lines (a loose list, a reference link defined further down) come out right only when the whole
 * answer is rendered at its end, which the chat does.
 */
final class StreamedMarkdown {

    private final StringBuilder text = new StringBuilder();
    /** Where the first line not yet looked at starts. */
    private int scanned;
    /** How far the line starting at {@link #scanned} is known to have no line break: a long line is read once. */
    private int searched;
    /** Where the settled part ends. */
    private int settled;
    /** Where the settled part handed out by {@link #takeSettled} ends. */
    private int taken;
    /** The end of a blank line outside a fence, waiting for the next line to say if it ends a block; -1 if none. */
    private int blankEnd = -1;
    /** The open fence's character and length; 0 outside a fence. */
    private char fenceChar;
    private int fenceLength;

    void append(CharSequence more) {
        text.append(more);
        scan();
    }

    String text() {
        return text.toString();
    }

    /** The text that became settled since the last call; empty if none did. */
    String takeSettled() {
        String part = text.substring(taken, settled);
        taken = settled;
        return part;
    }

    /** The text after the settled part: what is still being written. */
    String tail() {
        return text.substring(settled);
    }

    private void scan() {
        while (true) {
            int end = lineEnd(scanned);
            if (end < 0) {
                startOfLine();
                return;
            }
            line(scanned, end);
            scanned = end;
        }
    }

    /**
     * A line that has begun at the margin after a blank line ends the block before it already: a
     * model often writes a whole paragraph as one line, which should not wait in the tail.
     */
    private void startOfLine() {
        if (blankEnd >= 0 && scanned < text.length()) {
            char first = text.charAt(scanned);
            if (first != ' ' && first != '\t' && first != '\r' && first != '\n') {
                settled = blankEnd;
                blankEnd = -1;
            }
        }
    }

    /** Where the line starting at {@code start} ends, after its line break; -1 if it is not complete. */
    private int lineEnd(int start) {
        for (int i = Math.max(start, searched); i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if (c == '\r') {
                if (i + 1 == text.length()) {
                    // A \n may follow in the next piece: the line break is not complete yet.
                    searched = i;
                    return -1;
                }
                return text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
            }
        }
        searched = text.length();
        return -1;
    }

    private void line(int start, int end) {
        int indent = start;
        while (indent < end && (text.charAt(indent) == ' ' || text.charAt(indent) == '\t')) {
            indent++;
        }
        boolean blank = indent == end || text.charAt(indent) == '\n' || text.charAt(indent) == '\r';
        if (fenceLength > 0) {
            if (!blank && closesFence(indent, end)) {
                fenceLength = 0;
            }
            return;
        }
        if (blank) {
            blankEnd = end;
            return;
        }
        if (blankEnd >= 0 && indent == start) {
            settled = blankEnd;
        }
        blankEnd = -1;
        opensFence(indent, end);
    }

    private void opensFence(int from, int end) {
        char c = text.charAt(from);
        if (c != '`' && c != '~') {
            return;
        }
        int run = run(from, end, c);
        if (run < 3) {
            return;
        }
        if (c == '`') {
            for (int i = from + run; i < end; i++) {
                if (text.charAt(i) == '`') {
                    // An inline code span such as ```a``` on one line, not a fence.
                    return;
                }
            }
        }
        fenceChar = c;
        fenceLength = run;
    }

    private boolean closesFence(int from, int end) {
        int run = run(from, end, fenceChar);
        if (run < fenceLength) {
            return false;
        }
        for (int i = from + run; i < end; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private int run(int from, int end, char c) {
        int i = from;
        while (i < end && text.charAt(i) == c) {
            i++;
        }
        return i - from;
    }
}
