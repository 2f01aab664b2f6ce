package com.chatshare.conversations.ui;

import com.chatshare.base.ui.ScrollRegions;
import com.chatshare.base.markdown.MarkdownRenderer;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The messages of a chat, rendered on the server through the one sanitiser every view uses
 * ({@link MarkdownRenderer}, the public page's pipeline): no client-side Markdown, so nothing in a
 * message — remote images, forms, styles, scripts — reaches the browser as markup it would act on.
 */
public class ChatMessages extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private final transient MarkdownRenderer markdown;

    ChatMessages(MarkdownRenderer markdown) {
        this.markdown = markdown;
        setId("messages");
        addClassName("messages");
        getElement().setAttribute("role", "log");
        ScrollRegions.keyboardScrollable(this, "Messages");
    }

    void clear() {
        removeAll();
    }

    Entry add(String author, String abbreviation, boolean fromUser, String text, Instant at) {
        Entry entry = new Entry(markdown, author, abbreviation, fromUser, text, at);
        add(entry);
        scrollToEnd();
        return entry;
    }

    /** Keeps the newest message in view, as a chat does. */
    void scrollToEnd() {
        getElement().executeJs("requestAnimationFrame(() => { this.scrollTop = this.scrollHeight; })");
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

        Entry(MarkdownRenderer markdown, String authorName, String abbreviation, boolean fromUser, String text,
                Instant at) {
            this.markdown = markdown;
            addClassNames("chat-message", fromUser ? "from-user" : "from-assistant");
            Span avatar = new Span(abbreviation);
            avatar.addClassName("chat-message-avatar");
            avatar.getElement().setAttribute("aria-hidden", "true");
            author.setText(authorName);
            author.addClassName("chat-message-author");
            Span time = new Span(TIME.format(at));
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
            content.getElement().setProperty("innerHTML", markdown.toHtml(text.toString()));
        }
    }
}
