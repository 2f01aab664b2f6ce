package com.chatshare.conversations;

import java.util.List;

/**
 * A piece of text with the words a search matched marked: plain text parts, never markup, so a
 * view shows each part as text and wraps the marked ones in {@code <mark>}.
 */
public record MarkedText(List<Part> parts) {

    public MarkedText {
        parts = List.copyOf(parts);
    }

    /** @param marked a word the search matched */
    public record Part(String text, boolean marked) {
    }

    public static MarkedText plain(String text) {
        return new MarkedText(text.isEmpty() ? List.of() : List.of(new Part(text, false)));
    }

    /** The whole text, marks left out. */
    public String text() {
        StringBuilder text = new StringBuilder();
        parts.forEach(part -> text.append(part.text()));
        return text.toString();
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }
}
