package com.chatshare.sharing;

import java.util.Set;

/**
 * Which messages of a conversation the owner shares, as the share dialog sends it with
 * {@link ShareService#share} ({@link ShareRequest#withChoice}): the messages
 * the preview showed, less the ones left out. The service enforces it and keeps the excluded ids
 * for the link, so every later Update leaves them out too (new messages are shared by default).
 *
 * @param excluded ids of the messages left out; each must be a message of the conversation
 * @param lastShownMessageId the id of the last message the preview showed: messages finished
 *        after the preview was taken are not shared by this share (the owner has neither seen nor
 *        checked them); they count as new, and the next Update shares them by default. If the chat
 *        on screen no longer goes through it (switched to another version in another tab), the
 *        share is refused: the preview showed other messages than those that would be shared
 * @param previewedVersion the link's snapshot version the preview showed, 0 for no link: if the link
 *        was shared or updated since (another tab, the links grid), the share is refused, so a stale
 *        choice never undoes a newer one
 */
public record MessageChoice(Set<Long> excluded, long lastShownMessageId, int previewedVersion) {

    public MessageChoice {
        excluded = Set.copyOf(excluded);
    }
}
