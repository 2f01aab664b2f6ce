package com.chatshare.conversations.ui;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The text of the message editors that are open, by message id, so that drawing the chat again (a
 * version switched, an answer that failed or was stopped, older messages leaving the page) opens
 * each editor again with what was typed in it. Saving or cancelling an edit forgets its text. At most
 * {@link #MOST} are kept per chat view, the oldest forgotten first.
 */
final class EditDrafts implements Serializable {

    static final int MOST = 20;

    private final Map<Long, String> texts = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > MOST;
        }
    };

    void keep(long messageId, String text) {
        texts.put(messageId, text);
    }

    void forget(long messageId) {
        texts.remove(messageId);
    }

    Optional<String> of(long messageId) {
        return Optional.ofNullable(texts.get(messageId));
    }
}
