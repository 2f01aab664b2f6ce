package com.chatshare.conversations.ui;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The text of the message editors that are open, by message id, so that drawing the chat again (a
 * version switched, an answer that failed or was stopped, older messages leaving the page) opens
 * each editor again with what was typed in it. Saving or cancelling an edit forgets its text. At most
 * {@link #MOST} are kept per chat view, the oldest forgotten first. The editor that had the focus
 * gets it back. What was typed in the last moment before the redraw (Vaadin sends a lazy field's
 * value after a pause of 400 ms) is not here.
 */
final class EditDrafts implements Serializable {

    static final int MOST = 20;

    private final Map<Long, String> texts = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > MOST;
        }
    };

    /** The message whose editor has the focus, to give it back when the editor opens again. */
    private @Nullable Long focused;

    void keep(long messageId, String text) {
        texts.put(messageId, text);
    }

    void forget(long messageId) {
        texts.remove(messageId);
        blurred(messageId);
    }

    void focused(long messageId) {
        focused = messageId;
    }

    void blurred(long messageId) {
        if (focused != null && focused == messageId) {
            focused = null;
        }
    }

    boolean hadFocus(long messageId) {
        return focused != null && focused == messageId;
    }

    Optional<String> of(long messageId) {
        return Optional.ofNullable(texts.get(messageId));
    }
}
