package com.chatshare.conversations;

import org.jspecify.annotations.Nullable;

/**
 * One chat that a search in the chat list found: its title, and the newest of its messages that
 * matched with a snippet around the match (none when only the title matched).
 *
 * @param chat the chat; {@link ConversationSummary#archived()} ones are found too
 * @param title the title with the matching words marked
 * @param messageId the newest matching message, to scroll to when the chat opens
 * @param snippet a stretch of that message around the first match, the matching words marked
 */
public record ChatSearchResult(ConversationSummary chat, MarkedText title, @Nullable Long messageId,
        MarkedText snippet) {

    /** At most this many chats come back: a search narrows, it does not list. */
    public static final int LIMIT = 50;
    /** Only the first characters of what was typed count. */
    public static final int QUERY_MAX_LENGTH = 200;
}
