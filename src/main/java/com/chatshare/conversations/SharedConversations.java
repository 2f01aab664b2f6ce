package com.chatshare.conversations;

import java.util.Collection;
import java.util.Map;

/**
 * Which of the signed-in user's conversations have a link that opens now, and who it opens for.
 * The sharing feature provides it; the chat list asks once per page of rows, to mark shared chats,
 * without depending on sharing.
 */
public interface SharedConversations {

    /**
     * Of these conversations of the signed-in user, those with a link that opens now, each with
     * the sentence that says who can open it and until when: one query.
     */
    Map<Long, LinkBadge> withActiveLink(Collection<Long> conversationIds);

    /**
     * A shared chat's badge in the chat list: the short word shown ("Shared") and the sentence for
     * screen readers and the tooltip, built from the link's real audience and expiry
     * ("Shared: signed-in users with the link can read it, until 14 Dec 2026").
     */
    record LinkBadge(String sentence) {
    }
}
