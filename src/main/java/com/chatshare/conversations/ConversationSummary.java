package com.chatshare.conversations;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the chat list.
 *
 * @param pinned the owner pinned it: it heads the chat list
 * @param archived the owner archived it: it left the chat list, but search still finds it and its
 *        shared link still works; listed under Settings → Data controls
 * @param importedFrom the service whose export it was imported from; null for a chat begun here
 */
public record ConversationSummary(long id, String title, Instant updatedAt, boolean importedFromShare,
        boolean pinned, boolean archived, @Nullable ImportSource importedFrom) {

    public static final int TITLE_MAX_LENGTH = 200;
    /** A new conversation takes its title from the first message, cut to this length. */
    public static final int AUTO_TITLE_LENGTH = 60;
    public static final String UNTITLED = "New chat";

    public ConversationSummary(long id, String title, Instant updatedAt, boolean importedFromShare,
            boolean pinned, boolean archived) {
        this(id, title, updatedAt, importedFromShare, pinned, archived, null);
    }

    /** A chat in the list as it starts: neither pinned nor archived. */
    public ConversationSummary(long id, String title, Instant updatedAt, boolean importedFromShare) {
        this(id, title, updatedAt, importedFromShare, false, false);
    }
}
