package com.chatshare.conversations.internal;

import com.chatshare.conversations.MarkedText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks in a title or a message what a search matched, as the database matched it: whole words
 * that begin with a search word, and the fragments anywhere; case and accents aside. Plain text in,
 * plain text parts out: the view never gets markup made from a message.
 */
final class Marks {

    /** A snippet shows about this many characters of a message around its first match. */
    static final int SNIPPET_LENGTH = 160;
    /** …of which up to this many before the match. */
    private static final int BEFORE_MATCH = 50;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final List<String> words;
    private final List<String> fragments;

    Marks(SearchWords search) {
        this.words = search.words().stream().map(Marks::fold).toList();
        this.fragments = search.fragments().stream().map(Marks::fold).toList();
    }

    /** The whole text, matches marked. */
    MarkedText all(String text) {
        return parts(text, ranges(text), 0, text.length());
    }

    /**
     * A stretch of a message around its first match, on one line, with "…" where it was cut; the
     * message's start when nothing in it matches.
     */
    MarkedText snippet(String message) {
        String text = SPACES.matcher(message).replaceAll(" ").strip();
        List<int[]> ranges = ranges(text);
        int first = ranges.isEmpty() ? 0 : ranges.getFirst()[0];
        int from = 0;
        if (text.length() > SNIPPET_LENGTH && first > BEFORE_MATCH) {
            from = Math.min(first - BEFORE_MATCH, text.length() - SNIPPET_LENGTH);
            int space = text.indexOf(' ', from);
            from = space >= 0 && space < first ? space + 1 : from;
        }
        int to = Math.min(text.length(), from + SNIPPET_LENGTH);
        if (to < text.length()) {
            int space = text.lastIndexOf(' ', to);
            to = space > from + SNIPPET_LENGTH / 2 ? space : to;
        }
        MarkedText inside = parts(text, ranges, from, to);
        List<MarkedText.Part> parts = new ArrayList<>();
        if (from > 0) {
            parts.add(new MarkedText.Part("…", false));
        }
        parts.addAll(inside.parts());
        if (to < text.length()) {
            parts.add(new MarkedText.Part("…", false));
        }
        return new MarkedText(parts);
    }

    /** Where the matches are, in order, not overlapping: {start, end} pairs. */
    private List<int[]> ranges(String text) {
        String folded = fold(text);
        List<int[]> ranges = new ArrayList<>();
        if (!words.isEmpty()) {
            Matcher word = WORD.matcher(folded);
            while (word.find()) {
                String found = word.group();
                if (words.stream().anyMatch(found::startsWith)) {
                    ranges.add(new int[] {word.start(), word.end()});
                }
            }
        }
        for (String fragment : fragments) {
            for (int at = folded.indexOf(fragment); at >= 0; at = folded.indexOf(fragment, at + fragment.length())) {
                ranges.add(new int[] {at, at + fragment.length()});
            }
        }
        ranges.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        List<int[]> merged = new ArrayList<>();
        for (int[] range : ranges) {
            if (!merged.isEmpty() && range[0] <= merged.getLast()[1]) {
                merged.getLast()[1] = Math.max(merged.getLast()[1], range[1]);
            } else {
                merged.add(range);
            }
        }
        return merged;
    }

    private static MarkedText parts(String text, List<int[]> ranges, int from, int to) {
        List<MarkedText.Part> parts = new ArrayList<>();
        int at = from;
        for (int[] range : ranges) {
            int start = Math.max(range[0], from);
            int end = Math.min(range[1], to);
            if (start >= end) {
                continue;
            }
            if (start > at) {
                parts.add(new MarkedText.Part(text.substring(at, start), false));
            }
            parts.add(new MarkedText.Part(text.substring(start, end), true));
            at = end;
        }
        if (at < to) {
            parts.add(new MarkedText.Part(text.substring(at, to), false));
        }
        return new MarkedText(parts);
    }

    /**
     * Lower case without accents, one char for each char of the text, so that positions in the
     * folded text are positions in the text.
     */
    static String fold(String text) {
        char[] folded = new char[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128) {
                folded[i] = Character.toLowerCase(c);
            } else if (Character.isSurrogate(c)) {
                folded[i] = c;
            } else {
                String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                folded[i] = Character.toLowerCase(base.isEmpty() ? c : base.charAt(0));
            }
        }
        return new String(folded);
    }
}
