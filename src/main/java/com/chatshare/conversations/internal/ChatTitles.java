package com.chatshare.conversations.internal;

import com.chatshare.base.markdown.MarkdownRenderer;
import com.chatshare.conversations.ConversationSummary;
import java.util.List;

/**
 * A new chat's title as given (a continued copy's, demo content's): without bidi controls, cut to
 * the limit; and a continued copy's title told apart from the owner's earlier copies of the same
 * title: "Banana bread", then "Banana bread (2)", "Banana bread (3)"…
 */
public final class ChatTitles {

    private ChatTitles() {
    }

    /** The title without bidi controls (the public page drops them), stripped, "Untitled" when blank, cut to fit. */
    public static String cleaned(String title) {
        String plain = MarkdownRenderer.withoutBidiControls(title);
        String clean = plain.isBlank() ? ConversationSummary.UNTITLED : plain.strip();
        return clean.length() > ConversationSummary.TITLE_MAX_LENGTH
                ? clean.substring(0, ConversationSummary.TITLE_MAX_LENGTH) : clean;
    }

    /** The {@code LIKE} pattern (escape character {@code !}) of the numbered copies of {@code title}. */
    public static String numberedLike(String title) {
        return title.replace("!", "!!").replace("%", "!%").replace("_", "!_") + " (%)";
    }

    /** {@code title}, or the first numbered title not {@code taken}, cut to fit the title's limit. */
    public static String distinct(String title, List<String> taken) {
        if (!taken.contains(title)) {
            return title;
        }
        int n = 2;
        while (taken.contains(title + " (" + n + ")")) {
            n++;
        }
        String suffix = " (" + n + ")";
        int room = ConversationSummary.TITLE_MAX_LENGTH - suffix.length();
        return (title.length() > room ? title.substring(0, room) : title) + suffix;
    }
}
