package com.chatshare.conversations;

import java.util.Collection;
import java.util.Set;

/**
 * Which of the signed-in user's conversations anyone with a link can read right now. The sharing
 * feature provides it; the chat list asks once per page of rows, to mark shared chats, without
 * depending on sharing.
 */
public interface SharedConversations {

    /** Of these conversations of the signed-in user, the ids of those with an active link: one query. */
    Set<Long> withActiveLink(Collection<Long> conversationIds);
}
