package com.chatshare.conversations.ui;

import com.chatshare.base.ui.Dates;
import com.chatshare.base.ui.ScrollRegions;
import com.chatshare.base.markdown.MarkdownRenderer;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.MessageRole;
import com.chatshare.conversations.MessageStatus;
import com.chatshare.conversations.MessagePage;
import com.chatshare.conversations.MessageVersion;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.internal.nodefeature.ElementPropertyMap;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * One message: who wrote it, when, and its content as sanitised HTML. An answer being written
 * ({@link #appendText}) gets each settled block ({@link StreamedMarkdown}) rendered once and
 * appended in the browser, and its tail rendered again on each batch in an element of its own;
 * when it ends ({@link #finishStreaming}) it is rendered whole, exactly as opening the chat again
 * renders it.
 */
public final class MessageEntry extends Div {

    /** Adds rendered (sanitised) blocks at the end of the message in the browser. */
    private static final String APPEND_HTML = "this.insertAdjacentHTML('beforeend', $0)";

    private final transient MarkdownRenderer markdown;
    /** Who wrote it, its model and when, as one element's HTML (below): a message costs the page few nodes. */
    private final Span about = new Span();
    private final Div header;
    private final Div body;
    private Div content;
    private final StringBuilder text = new StringBuilder();
    private final boolean fromUser;
    private String authorName;
    private String model = "";
    private final String time;
    /** The stored message's position in its chat; -1 for what the user just sent. */
    int position = -1;
    private transient @Nullable Streaming streaming;
    private @Nullable Component editor;

    /** An answer being written: its Markdown split as it arrives, the HTML of its settled blocks, its tail. */
    private record Streaming(StreamedMarkdown markdown, StringBuilder settledHtml, Div tail) {

        /**
         * The HTML of the next part as it continues what is shown: the renderer ends each block
         * with a line break but trims the last, so one goes between parts, as in the whole.
         */
        String next(String html) {
            return settledHtml.isEmpty() || html.isEmpty() ? html : "\n" + html;
        }
    }

    MessageEntry(MarkdownRenderer markdown, String authorName, String abbreviation, boolean fromUser, String text,
            Instant at) {
        this.markdown = markdown;
        this.fromUser = fromUser;
        this.authorName = authorName;
        this.time = Dates.dateTime(at);
        addClassNames("chat-message", fromUser ? "from-user" : "from-assistant");
        // Text as escaped HTML rather than a text node: an element of the page's tree per word
        // shown adds up over a hundred messages and a few hundred people (BENCHMARKS.md).
        Span avatar = new Span();
        avatar.getElement().setProperty("innerHTML", MarkdownRenderer.textHtml(abbreviation));
        avatar.addClassName("chat-message-avatar");
        avatar.getElement().setAttribute("aria-hidden", "true");
        about.addClassName("chat-message-about");
        showAbout();
        header = new Div(about);
        header.addClassName("chat-message-header");
        this.text.append(text);
        content = wholeContent();
        body = new Div(header, content);
        body.addClassName("chat-message-body");
        add(avatar, body);
    }

    public String getText() {
        return text.toString();
    }

    /** The model that wrote the answer, in small muted text beside its author; as text, never markup. */
    void showModel(String model) {
        this.model = model;
        showAbout();
    }

    /** The model shown beside the author; empty when the author names it. */
    public String getModel() {
        return model;
    }

    public String getUserName() {
        return authorName;
    }

    void setUserName(String name) {
        authorName = name;
        showAbout();
    }

    /** The author, the model when there is one, and the time: escaped text in spans of their own classes. */
    private void showAbout() {
        String html = "<span class=\"chat-message-author\">" + MarkdownRenderer.textHtml(authorName) + "</span>"
                + (model.isEmpty() ? "" : "<span class=\"chat-message-model\">" + MarkdownRenderer.textHtml(model) + "</span>")
                + "<span class=\"chat-message-time\">" + MarkdownRenderer.textHtml(time) + "</span>";
        about.getElement().setProperty("innerHTML", html);
    }

    /** The message's buttons, on the line of its author (the content stays the body's last part). */
    void setToolbar(Component toolbar) {
        header.add(toolbar);
    }

    /** Shows an editor in place of the content ({@code null}: the content again). */
    void showEditor(@Nullable Component replacement) {
        if (editor != null) {
            body.remove(editor);
        }
        editor = replacement;
        content.setVisible(replacement == null);
        if (replacement != null) {
            insertAfterContent(replacement);
        }
    }

    private void insertAfterContent(Component component) {
        body.getElement().insertChild(body.getElement().indexOfChild(content.getElement()) + 1,
                component.getElement());
    }

    /**
     * More of an answer being written: blocks that became settled are rendered once and added
     * in the browser; only the tail is rendered and sent again, so the work and the bytes for
     * the browser grow with the answer rather than with its square.
     */
    void appendText(String more) {
        Streaming live = streaming;
        if (live == null) {
            StreamedMarkdown split = new StreamedMarkdown();
            split.append(text);
            Div tail = newContent();
            tail.addClassName("chat-message-tail");
            live = new Streaming(split, new StringBuilder(), tail);
            streaming = live;
            Div streamed = newContent();
            copyButtonsOnAttach(streamed);
            showContent(streamed);
            insertAfterContent(tail);
        }
        text.append(more);
        live.markdown().append(more);
        String settled = live.markdown().takeSettled();
        if (!settled.isEmpty()) {
            String html = live.next(html(settled));
            live.settledHtml().append(html);
            content.getElement().executeJs(APPEND_HTML, html);
        }
        live.tail().getElement().setProperty("innerHTML", html(live.markdown().tail()));
    }

    /**
     * The answer is over: rendered whole, once. When that is what the browser already shows
     * (its blocks and the last of it, the usual case), only the last part is sent; when Markdown
     * joins blocks differently as a whole (a loose list, a reference link defined further down),
     * the whole is sent, so the message reads as it does when the chat is opened again.
     */
    void finishStreaming() {
        Streaming live = streaming;
        if (live == null) {
            return;
        }
        streaming = null;
        body.remove(live.tail());
        String whole = html(text.toString());
        String last = live.next(html(live.markdown().tail()));
        if (whole.length() == live.settledHtml().length() + last.length()
                && whole.startsWith(live.settledHtml().toString()) && whole.endsWith(last)) {
            if (!last.isEmpty()) {
                content.getElement().executeJs(APPEND_HTML, last);
            }
            CodeCopyButtons.add(content);
            // The browser has exactly this already: the server's copy is updated without sending it again.
            content.getElement().getNode().getFeature(ElementPropertyMap.class).setProperty("innerHTML", whole, false);
        } else {
            showContent(wholeContent());
        }
    }

    /** Replaces the content where it is, above the buttons. */
    private void showContent(Div replacement) {
        int at = body.getElement().indexOfChild(content.getElement());
        body.remove(content);
        content = replacement;
        body.getElement().insertChild(at, replacement.getElement());
    }

    private static Div newContent() {
        Div div = new Div();
        div.addClassName("chat-message-content");
        div.getElement().setAttribute("dir", "auto");
        return div;
    }

    private Div wholeContent() {
        Div div = newContent();
        div.getElement().setProperty("innerHTML", html(text.toString()));
        copyButtonsOnAttach(div);
        return div;
    }

    private void copyButtonsOnAttach(Div div) {
        if (!fromUser) {
            CodeCopyButtons.addOnEveryAttach(div);
        }
    }

    private String html(String markdownText) {
        // Sanitised by the renderer's allow-list: the only HTML a message ever becomes.
        return markdown.messageHtml(markdownText, fromUser);
    }
}
