package com.chatshare.conversations.ui;

import com.chatshare.base.ui.Dates;
import com.chatshare.base.ui.ScrollRegions;
import com.chatshare.base.markdown.MarkdownRenderer;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.MessageRole;
import com.chatshare.conversations.MessageStatus;
import com.chatshare.conversations.MessagePage;
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
 * The messages of a chat, rendered on the server through the one sanitiser every view uses
 * ({@link MarkdownRenderer}, the public page's pipeline): no client-side Markdown, so nothing in a
 * message — remote images, forms, styles, scripts — reaches the browser as markup it would act on.
 */
public class ChatMessages extends Div {

    /** How many messages a chat shows as it opens, and how many more each "Load earlier messages" adds. */
    static final int PAGE = 50;
    /**
     * Scrolls to the newest message, then clicks "Load earlier messages" whenever the reader scrolls
     * it into view (observed only from then on, so opening a chat loads nothing more). Each click
     * notes in the browser, before the older messages arrive, how far the reader is from the end,
     * which {@link #KEEP_PLACE} restores after them.
     */
    private static final String SCROLL_TO_END_AND_WATCH_TOP = """
            const list = this;
            const button = $0;
            requestAnimationFrame(() => {
              list.scrollTop = list.scrollHeight;
              if (!list.earlierObserver) {
                button.addEventListener('click', () => { list.fromBottom = list.scrollHeight - list.scrollTop; }, true);
                list.earlierObserver = new IntersectionObserver(entries => {
                  if (entries.some(e => e.isIntersecting) && !button.hidden && !button.hasAttribute('disabled')) {
                    button.click();
                  }
                }, {root: list});
                list.earlierObserver.observe(button);
              }
            });
            """;
    /** Runs after the browser has the older messages: the reader stays as far from the end as before. */
    private static final String KEEP_PLACE = "if (this.fromBottom !== undefined) { this.scrollTop = this.scrollHeight - this.fromBottom; }";

    private final transient MarkdownRenderer markdown;
    private final String userName;
    private final String assistantName;
    private final Button loadEarlier = new Button("Load earlier messages");
    private transient IntFunction<Optional<MessagePage>> earlier = position -> Optional.empty();
    private int firstPosition;

    /** @param userName the signed-in user's display name, on their own messages */
    ChatMessages(MarkdownRenderer markdown, String userName, String assistantName) {
        this.markdown = markdown;
        this.userName = userName;
        this.assistantName = assistantName;
        setId("messages");
        addClassName("messages");
        getElement().setAttribute("role", "log");
        ScrollRegions.keyboardScrollable(this, "Messages");
        loadEarlier.setId("load-earlier");
        loadEarlier.addClassName("load-earlier");
        loadEarlier.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        loadEarlier.setVisible(false);
        loadEarlier.setDisableOnClick(true);
        loadEarlier.addClickListener(event -> loadEarlier());
        add(loadEarlier);
    }

    void clear() {
        // The button stays the same element in the browser, watched since the first chat was shown.
        remove(getChildren().filter(child -> child != loadEarlier).toArray(Component[]::new));
        loadEarlier.setVisible(false);
    }

    /**
     * Shows a chat from its end: its most recent messages, and "Load earlier messages" above them
     * when there are more, which asks {@code earlier} for the page before a position.
     */
    void show(MessagePage latest, IntFunction<Optional<MessagePage>> earlier) {
        clear();
        this.earlier = earlier;
        latest.messages().forEach(message -> add(entry(message)));
        firstPosition = latest.firstPosition();
        loadEarlier.setVisible(latest.hasEarlier());
        getElement().executeJs(SCROLL_TO_END_AND_WATCH_TOP, loadEarlier.getElement());
    }

    /** Puts the page before the first message shown above it, where the reader stays. */
    private void loadEarlier() {
        Optional<MessagePage> loaded = earlier.apply(firstPosition);
        loadEarlier.setEnabled(true);
        if (loaded.isEmpty()) {
            return;
        }
        MessagePage page = loaded.get();
        int at = 1;
        for (ChatMessage message : page.messages()) {
            addComponentAtIndex(at++, entry(message));
        }
        if (!page.messages().isEmpty()) {
            firstPosition = page.firstPosition();
        }
        loadEarlier.setVisible(page.hasEarlier());
        getElement().executeJs(KEEP_PLACE);
        if (!page.hasEarlier()) {
            // The button is gone: a keyboard user who pressed it stays in the messages, not at the page's start.
            getElement().executeJs("if (document.activeElement === document.body) { this.focus({preventScroll: true}); }");
        }
    }

    /** A stored message added at the end, as the newest. */
    Entry add(ChatMessage message) {
        Entry entry = entry(message);
        add(entry);
        scrollToEnd();
        return entry;
    }

    /** A stored message, labelled with who wrote it; marked if it was copied from a shared chat or cut short. */
    private Entry entry(ChatMessage message) {
        boolean user = message.role() == MessageRole.USER;
        String author;
        if (message.fromShare()) {
            // Someone else's words, copied from a shared chat: never labelled with this user's name.
            author = user ? "From the shared chat" : "Assistant · from the shared chat";
        } else if (user) {
            author = userName;
        } else {
            // The model that wrote it, said once: as the author when it is the assistant's own name.
            author = message.model() == null || message.model().equals(assistantName) ? assistantName : "Assistant";
        }
        Entry entry = new Entry(markdown, author, user ? (message.fromShare() ? "↪" : initials(userName)) : "AI",
                user, message.content(), message.createdAt());
        if (!user && message.model() != null && !message.model().equals(author)) {
            entry.showModel(message.model());
        }
        entry.getElement().setAttribute("data-message-id", String.valueOf(message.id()));
        if (message.fromShare()) {
            entry.addClassName("from-share");
        }
        if (message.status().isIncomplete()) {
            entry.addClassNames("incomplete");
            entry.setUserName(author + (message.status() == MessageStatus.STOPPED ? " · stopped" : " · incomplete"));
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

    /**
     * One message: who wrote it, when, and its content as sanitised HTML. An answer being written
     * ({@link #appendText}) gets each settled block ({@link StreamedMarkdown}) rendered once and
     * appended in the browser, and its tail rendered again on each batch in an element of its own;
     * when it ends ({@link #finishStreaming}) it is rendered whole, exactly as opening the chat again
     * renders it.
     */
    public static final class Entry extends Div {

        /** Adds rendered (sanitised) blocks at the end of the message in the browser. */
        private static final String APPEND_HTML = "this.insertAdjacentHTML('beforeend', $0)";

        private final transient MarkdownRenderer markdown;
        private final Span author = new Span();
        private final Div header;
        private final Div body;
        private Div content;
        private final StringBuilder text = new StringBuilder();
        private final boolean fromUser;
        private transient @Nullable Streaming streaming;

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
            header = new Div(author, time);
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
            Span name = new Span();
            name.setText(model);
            name.addClassName("chat-message-model");
            header.addComponentAtIndex(1, name);
        }

        /** The model shown beside the author; empty when the author names it. */
        public String getModel() {
            return header.getChildren().filter(c -> c.getElement().getClassList().contains("chat-message-model")).findFirst()
                    .map(c -> c.getElement().getText()).orElse("");
        }

        public String getUserName() {
            return author.getText();
        }

        void setUserName(String name) {
            author.setText(name);
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
                body.add(tail);
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

        /** Replaces the content, the last child of the body while no tail is shown. */
        private void showContent(Div replacement) {
            body.remove(content);
            content = replacement;
            body.add(replacement);
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
}
