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
     * The most messages the page holds while a chat goes on in one sitting: past that the oldest
     * leave it ({@link #keepRecent}), so a session holds a bounded number of messages.
     */
    static final int MOST_SHOWN = 2 * PAGE;
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
    /** Below a stretch of older messages a search result opened: back to the chat's end. */
    private final Button showLatest = new Button("Show the latest messages");
    /** The chat's last message while a stretch of older ones is shown instead of its end; null otherwise. */
    private @Nullable Long latestId;
    private Runnable latest = () -> { };
    private transient Earlier earlier = (position, count) -> Optional.empty();
    private transient MessageActions.Actions actions = MessageActions.NONE;
    private final EditDrafts drafts = new EditDrafts();
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
        showLatest.setId("show-latest");
        showLatest.addClassName("show-latest");
        showLatest.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        showLatest.addClickListener(event -> latest.run());
    }

    /** What shows the chat from its end again: "Show the latest messages", and a message sent meanwhile. */
    void onShowLatest(Runnable latest) {
        this.latest = latest;
    }

    /** Where the messages above the first one shown come from. */
    @FunctionalInterface
    interface Earlier {

        /** The {@code count} messages on screen just before {@code position}; empty when they cannot be read. */
        Optional<MessagePage> before(int position, int count);
    }

    /** What Edit, Regenerate and the version switcher on each message do. */
    void setActions(MessageActions.Actions actions) {
        this.actions = actions;
    }

    void clear() {
        // The button stays the same element in the browser, watched since the first chat was shown.
        remove(getChildren().filter(child -> child != loadEarlier).toArray(Component[]::new));
        loadEarlier.setVisible(false);
        latestId = null;
    }

    /**
     * Shows a chat from its end: its most recent messages, and "Load earlier messages" above them
     * when there are more, which asks {@code earlier} for the page before a position.
     */
    void show(MessagePage latest, Earlier earlier) {
        clear();
        this.earlier = earlier;
        latest.messages().forEach(message -> add(entry(message, latest.versionOf(message))));
        firstPosition = latest.firstPosition();
        loadEarlier.setVisible(latest.hasEarlier());
        getElement().executeJs(SCROLL_TO_END_AND_WATCH_TOP, loadEarlier.getElement());
    }

    /**
     * Brings a message of the path on screen into view, as a search result opens the chat at it.
     * When it is above those shown, the messages down to it are loaded, as long as the page then
     * holds at most {@link #MOST_SHOWN}; further up, a stretch of {@link #PAGE} messages around it
     * is shown instead of the chat's end, with "Show the latest messages" below (a session holds
     * a bounded number of messages, decision 0022).
     *
     * @param position its position on the path on screen
     * @return false when it could not be shown
     */
    boolean reveal(long messageId, int position) {
        if (position < firstPosition && loadEarlier.isVisible()) {
            if (entries().size() + firstPosition - position <= MOST_SHOWN) {
                loadEarlier(firstPosition - position);
            } else {
                showAround(position);
            }
        }
        return scrollToMessage(messageId);
    }

    /** {@link #PAGE} messages from a few before {@code position}; the chat's end waits for "Show the latest messages". */
    private void showAround(int position) {
        Optional<MessagePage> around = earlier.before(position + PAGE - PAGE / 5, PAGE);
        if (around.isEmpty() || around.get().messages().isEmpty()) {
            return;
        }
        Long last = lastMessageId();
        MessagePage page = around.get();
        clear();
        page.messages().forEach(message -> add(entry(message, page.versionOf(message))));
        firstPosition = page.firstPosition();
        loadEarlier.setVisible(page.hasEarlier());
        if (last != null && last != page.messages().getLast().id()) {
            latestId = last;
            add(showLatest);
        }
    }

    private void loadEarlier() {
        loadEarlier(PAGE);
    }

    /** Puts the {@code count} messages before the first one shown above it, where the reader stays. */
    private void loadEarlier(int count) {
        Optional<MessagePage> loaded = earlier.before(firstPosition, count);
        loadEarlier.setEnabled(true);
        if (loaded.isEmpty()) {
            return;
        }
        MessagePage page = loaded.get();
        int at = 1;
        for (ChatMessage message : page.messages()) {
            addComponentAtIndex(at++, entry(message, page.versionOf(message)));
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

    /**
     * A stored message added at the end, as the newest; the one shown when it is shown already.
     * Below a stretch of older messages, the chat is shown from its end first.
     */
    MessageEntry add(ChatMessage message) {
        if (latestId != null) {
            latest.run();
        }
        Optional<MessageEntry> shown = entries().stream()
                .filter(e -> String.valueOf(message.id()).equals(e.getElement().getAttribute("data-message-id")))
                .findFirst();
        if (shown.isPresent()) {
            return shown.get();
        }
        MessageEntry entry = entry(message, new MessageVersion(1, 1));
        add(entry);
        keepRecent();
        scrollToEnd();
        return entry;
    }

    /**
     * Past {@link #MOST_SHOWN} messages the oldest leave the page, down to the newest
     * {@link #PAGE} (the reader is at the end, where every new message scrolls to), and "Load
     * earlier messages" brings them back. The first message kept is a stored one, whose position
     * the earlier page is read before.
     */
    private void keepRecent() {
        List<MessageEntry> shown = entries();
        if (shown.size() <= MOST_SHOWN) {
            return;
        }
        int first = shown.size() - PAGE;
        while (first < shown.size() && shown.get(first).position < 0) {
            first++;
        }
        if (first >= shown.size()) {
            return;
        }
        remove(shown.subList(0, first).toArray(Component[]::new));
        firstPosition = shown.get(first).position;
        loadEarlier.setVisible(true);
    }

    /** A stored message, labelled with who wrote it; marked if it was copied from a shared chat or cut short. */
    private MessageEntry entry(ChatMessage message, MessageVersion version) {
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
        MessageEntry entry = new MessageEntry(markdown, author, user ? (message.fromShare() ? "↪" : initials(userName)) : "AI",
                user, message.content(), message.createdAt());
        if (!user && message.model() != null && !message.model().equals(author)) {
            entry.showModel(message.model());
        }
        entry.getElement().setAttribute("data-message-id", String.valueOf(message.id()));
        entry.position = message.position();
        if (message.fromShare()) {
            entry.addClassName("from-share");
        }
        if (message.status().isIncomplete()) {
            entry.addClassNames("incomplete");
            entry.setUserName(author + (message.status() == MessageStatus.STOPPED ? " · stopped" : " · incomplete"));
        }
        entry.setToolbar(MessageActions.toolbar(entry, message, version, actions, drafts));
        return entry;
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

    /** Moves the focus to a message's version button with this label, or to the other one when this is disabled. */
    void focusSwitcher(long messageId, String label) {
        String id = String.valueOf(messageId);
        entries().stream().filter(entry -> id.equals(entry.getElement().getAttribute("data-message-id")))
                .findFirst().ifPresent(entry -> entry.getElement().executeJs("""
                        const buttons = [...this.querySelectorAll('.version-switcher vaadin-button:not([disabled])')];
                        const button = buttons.find(b => b.getAttribute('aria-label') === $0) || buttons[0];
                        if (button) { button.focus(); }""", label));
    }

    /** The id of the last stored message shown; null when none is. */
    @Nullable
    Long lastMessageId() {
        if (latestId != null) {
            // Below the stretch a search result opened, the chat goes on from its end.
            return latestId;
        }
        List<MessageEntry> shown = entries();
        for (int i = shown.size() - 1; i >= 0; i--) {
            String id = shown.get(i).getElement().getAttribute("data-message-id");
            if (id != null) {
                return Long.valueOf(id);
            }
        }
        return null;
    }

    /** The messages shown, oldest first. */
    public List<MessageEntry> entries() {
        return getChildren().filter(MessageEntry.class::isInstance).map(MessageEntry.class::cast).toList();
    }
}
