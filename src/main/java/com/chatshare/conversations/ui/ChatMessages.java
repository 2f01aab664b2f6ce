package com.chatshare.conversations.ui;

import com.chatshare.base.ui.Dates;
import com.chatshare.base.ui.ScrollRegions;
import com.chatshare.base.markdown.MarkdownRenderer;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.MessageRole;
import com.chatshare.conversations.MessageStatus;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The messages of a chat, rendered on the server through the one sanitiser every view uses
 * ({@link MarkdownRenderer}, the public page's pipeline): no client-side Markdown, so nothing in a
 * message — remote images, forms, styles, scripts — reaches the browser as markup it would act on.
 */
public class ChatMessages extends Div {


    private final transient MarkdownRenderer markdown;
    private final String userName;
    private final String assistantName;

    /** @param userName the signed-in user's display name, on their own messages */
    ChatMessages(MarkdownRenderer markdown, String userName, String assistantName) {
        this.markdown = markdown;
        this.userName = userName;
        this.assistantName = assistantName;
        setId("messages");
        addClassName("messages");
        getElement().setAttribute("role", "log");
        ScrollRegions.keyboardScrollable(this, "Messages");
    }

    void clear() {
        removeAll();
    }

    /** A stored message, labelled with who wrote it; marked if it was copied from a shared chat or cut short. */
    Entry add(ChatMessage message) {
        boolean user = message.role() == MessageRole.USER;
        String author;
        if (message.fromShare()) {
            // Someone else's words, copied from a shared chat: never labelled with this user's name.
            author = user ? "From the shared chat" : "Assistant · from the shared chat";
        } else {
            author = user ? userName : assistantName;
        }
        Entry entry = add(author, user ? (message.fromShare() ? "↪" : initials(userName)) : "AI",
                user, message.content(), message.createdAt());
        entry.getElement().setAttribute("data-message-id", String.valueOf(message.id()));
        if (message.fromShare()) {
            entry.addClassName("from-share");
        }
        if (message.status().isIncomplete()) {
            entry.addClassNames("incomplete");
            entry.setUserName(assistantName + (message.status() == MessageStatus.STOPPED ? " · stopped" : " · incomplete"));
        }
        return entry;
    }

    /** What the user just sent, shown at once while it goes to the assistant. */
    Entry addOwn(String text) {
        return add(userName, initials(userName), true, text, Instant.now());
    }

    private static String initials(String name) {
        String[] words = name.strip().split("\\s+");
        StringBuilder initials = new StringBuilder();
        for (String word : words) {
            if (!word.isEmpty() && initials.length() < 2) {
                initials.appendCodePoint(word.codePointAt(0));
            }
        }
        return initials.toString().toUpperCase(Locale.ROOT);
    }

    private Entry add(String author, String abbreviation, boolean fromUser, String text, Instant at) {
        Entry entry = new Entry(markdown, author, abbreviation, fromUser, text, at);
        add(entry);
        scrollToEnd();
        return entry;
    }

    /** Keeps the newest message in view, as a chat does. */
    void scrollToEnd() {
        getElement().executeJs("requestAnimationFrame(() => { this.scrollTop = this.scrollHeight; })");
    }

    /**
     * Brings a message into view and marks it for a moment, as a search result opens the chat at
     * the message it found; false when that message is not shown.
     */
    boolean scrollToMessage(long messageId) {
        String id = String.valueOf(messageId);
        return entries().stream().filter(entry -> id.equals(entry.getElement().getAttribute("data-message-id")))
                .findFirst().map(entry -> {
                    entries().forEach(other -> other.removeClassName("found-message"));
                    entry.addClassName("found-message");
                    // After the scroll to the end that adding the messages asked for.
                    entry.getElement().executeJs("requestAnimationFrame(() => requestAnimationFrame(() => "
                            + "this.scrollIntoView({block: 'center'})))");
                    return true;
                }).orElse(false);
    }

    /** The messages shown, oldest first. */
    public List<Entry> entries() {
        return getChildren().filter(Entry.class::isInstance).map(Entry.class::cast).toList();
    }

    /** One message: who wrote it, when, and its content as sanitised HTML. */
    public static final class Entry extends Div {

        private final transient MarkdownRenderer markdown;
        private final Span author = new Span();
        private final Div content = new Div();
        private final StringBuilder text = new StringBuilder();
        private final boolean fromUser;

        Entry(MarkdownRenderer markdown, String authorName, String abbreviation, boolean fromUser, String text,
                Instant at) {
            this.markdown = markdown;
            this.fromUser = fromUser;
            addClassNames("chat-message", fromUser ? "from-user" : "from-assistant");
            Span avatar = new Span(abbreviation);
            avatar.addClassName("chat-message-avatar");
            avatar.getElement().setAttribute("aria-hidden", "true");
            author.setText(authorName);
            author.addClassName("chat-message-author");
            Span time = new Span(Dates.dateTime(at));
            time.addClassName("chat-message-time");
            Div header = new Div(author, time);
            header.addClassName("chat-message-header");
            content.addClassName("chat-message-content");
            content.getElement().setAttribute("dir", "auto");
            Div body = new Div(header, content);
            body.addClassName("chat-message-body");
            add(avatar, body);
            this.text.append(text);
            render();
        }

        public String getText() {
            return text.toString();
        }

        public String getUserName() {
            return author.getText();
        }

        void setUserName(String name) {
            author.setText(name);
        }

        void appendText(String more) {
            text.append(more);
            render();
        }

        private void render() {
            // Sanitised by the renderer's allow-list: the only HTML a message ever becomes.
            content.getElement().setProperty("innerHTML", markdown.messageHtml(text.toString(), fromUser));
        }
    }
}
