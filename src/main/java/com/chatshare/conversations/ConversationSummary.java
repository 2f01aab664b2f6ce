package com.chatshare.conversations;

import java.time.Instant;

/** One row of the chat list. */
public record ConversationSummary(long id, String title, Instant updatedAt, boolean importedFromShare) {

    public static final int TITLE_MAX_LENGTH = 200;
    /** A new conversation takes its title from the first message, cut to this length. */
    public static final int AUTO_TITLE_LENGTH = 60;
    public static final String UNTITLED = "New chat";
}
