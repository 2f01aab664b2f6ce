package com.chatshare.conversations.ui;

import com.chatshare.base.ui.EmptyState;
import com.chatshare.base.ui.Notifications;
import com.chatshare.conversations.ChatPaths;
import com.chatshare.conversations.ChatSearchResult;
import com.chatshare.conversations.ConversationNotFoundException;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.InvalidChatInputException;
import com.chatshare.conversations.SharedConversations;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.ApplicationConstants;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

/**
 * The chat list in the drawer: pinned chats first, then newest first, loaded page by page; archived
 * chats are not in it. A search field above it finds chats by title and message text (archived ones
 * too), the results in place of the list while a search is typed. Each row's Share button and ⋯
 * menu show on hover, on keyboard focus, and always on touch screens (see styles.css). A badge
 * marks chats anyone with a link can read ("Shared", asked of sharing once per page) and copies
 * continued from someone else's shared chat ("Copy").
 */
class ChatList extends VerticalLayout {

    private final transient ConversationService service;
    private final transient @Nullable SharedConversations sharedConversations;
    /** The shared chats among the rows loaded so far, refreshed with every page the grid loads. */
    private final Map<Long, SharedConversations.LinkBadge> shared = new ConcurrentHashMap<>();
    private final Grid<ConversationSummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private final ChatSearchResults results = new ChatSearchResults();
    private final EmptyState empty = new EmptyState("chat-list-empty", VaadinIcon.CHAT, "No chats yet",
            "Press New chat, or write to the assistant, to start your first one.");
    private final transient Consumer<ConversationSummary> onShare;
    private final transient Consumer<ConversationSummary> onRenamed;
    private final transient LongConsumer onDeleted;
    private @Nullable Long currentId;

    /** @param sharedConversations null when sharing is not part of the application: no "Shared" badges */
    ChatList(ConversationService service, @Nullable SharedConversations sharedConversations, Runnable onNewChat,
            Consumer<ConversationSummary> onShare, Consumer<ConversationSummary> onRenamed, LongConsumer onDeleted) {
        this.service = service;
        this.sharedConversations = sharedConversations;
        this.onShare = onShare;
        this.onRenamed = onRenamed;
        this.onDeleted = onDeleted;
        addClassName("chat-list");
        setPadding(false);
        setSpacing(false);
        setSizeFull();

        Button newChat = new Button("New chat", VaadinIcon.PLUS.create(), event -> onNewChat.run());
        newChat.setId("new-chat");
        newChat.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        newChat.addClassName("new-chat");

        search.setId("chat-search");
        search.addClassName("chat-search");
        search.setPlaceholder("Search chats");
        search.setAriaLabel("Search chats");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setMaxLength(ChatSearchResult.QUERY_MAX_LENGTH);
        // Asks the server once the typing pauses, not at every key.
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(event -> refresh());
        results.setVisible(false);

        grid.setId("chat-list");
        grid.addClassName("chat-grid");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_ROW_BORDERS);
        grid.addComponentColumn(this::row).setKey("chat");
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.setPartNameGenerator(c -> Objects.equals(c.id(), currentId) ? "current-chat" : null);
        grid.setItems(query -> {
            List<ConversationSummary> page = service
                    .findConversations(PageRequest.of(query.getPage(), query.getPageSize())).getContent();
            markShared(page);
            return page.stream();
        });
        grid.setAllRowsVisible(false);
        grid.setAriaLabel("Chats");
        grid.setSizeFull();
        add(newChat, search, results, grid, empty);
        setFlexGrow(1, grid, results);
        updateEmptyState();
    }

    void setCurrent(Long conversationId) {
        this.currentId = conversationId;
        refresh();
    }

    void refresh() {
        String typed = search.getValue();
        boolean searching = !typed.isBlank();
        results.setVisible(searching);
        if (searching) {
            results.show(typed, service.search(typed));
            empty.setVisible(false);
            grid.setVisible(false);
            return;
        }
        results.removeAll();
        grid.getDataProvider().refreshAll();
        updateEmptyState();
    }

    private void updateEmptyState() {
        boolean none = !service.hasChatsInList();
        empty.setVisible(none);
        grid.setVisible(!none);
    }

    private void markShared(List<ConversationSummary> page) {
        if (sharedConversations == null || page.isEmpty()) {
            return;
        }
        List<Long> ids = page.stream().map(ConversationSummary::id).toList();
        Map<Long, SharedConversations.LinkBadge> withLink = sharedConversations.withActiveLink(ids);
        ids.forEach(shared::remove);
        shared.putAll(withLink);
    }

    Grid<ConversationSummary> grid() {
        return grid;
    }

    private Div row(ConversationSummary conversation) {
        // An anchor the client-side router follows: RouterLink would resolve ChatView's main
        // route "" (the welcome screen) and ignore the id, giving every row an empty href.
        Anchor link = new Anchor(ChatPaths.chat(conversation.id()), conversation.title());
        link.getElement().setAttribute(ApplicationConstants.ROUTER_LINK_ATTRIBUTE, "");
        link.addClassName("chat-row-title");
        link.getElement().setAttribute("title", conversation.title());

        Button share = new Button(VaadinIcon.SHARE.create(), event -> onShare.accept(conversation));
        share.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        share.setAriaLabel("Share");
        share.setTooltipText("Share");
        share.addClassName("chat-row-share");

        MenuBar more = new MenuBar();
        more.addThemeVariants(MenuBarVariant.LUMO_ICON, MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_SMALL);
        more.addClassName("chat-row-more");
        MenuItem root = more.addItem(VaadinIcon.ELLIPSIS_DOTS_H.create());
        root.setAriaLabel("Chat actions for " + conversation.title());
        root.getSubMenu().addItem("Rename", event -> openRename(conversation));
        root.getSubMenu().addItem(conversation.pinned() ? "Unpin" : "Pin",
                event -> change(() -> service.pin(conversation.id(), !conversation.pinned()), null));
        root.getSubMenu().addItem("Archive", event -> archive(conversation));
        root.getSubMenu().addItem("Delete", event -> confirmDelete(conversation));

        Div actions = new Div(share, more);
        actions.addClassName("chat-row-actions");
        Div row = new Div(link, actions);
        if (conversation.pinned()) {
            var pin = VaadinIcon.PIN.create();
            pin.addClassName("chat-row-pin");
            pin.getElement().setAttribute("role", "img");
            pin.getElement().setAttribute("aria-label", "Pinned");
            pin.getElement().setAttribute("title", "Pinned");
            row.addComponentAsFirst(pin);
        }
        if (conversation.importedFromShare()) {
            // A continued copy of someone's shared chat: marked, so it is not taken for one's own.
            row.addComponentAtIndex(1, badge("Copy", "Continued from a shared chat", "chat-row-copy", "contrast"));
        }
        if (conversation.importedFrom() != null) {
            // Brought in from another service's export (decision 0028): marked like a continued copy.
            row.addComponentAtIndex(1, badge("Imported", "Imported from " + conversation.importedFrom().label(),
                    "chat-row-imported", "contrast"));
        }
        SharedConversations.LinkBadge openLink = shared.get(conversation.id());
        if (openLink != null) {
            row.addComponentAtIndex(1, badge("Shared", openLink.sentence(), "chat-row-shared", null));
        }
        row.addClassName("chat-row");
        row.getElement().setAttribute("data-conversation-id", String.valueOf(conversation.id()));
        return row;
    }

    /**
     * A small Lumo badge: the short word for the eye, the whole sentence for screen readers (the
     * word is hidden from them, the sentence is visually hidden) and as a tooltip.
     */
    private static Span badge(String word, String sentence, String className, String variant) {
        Span visible = new Span(word);
        visible.getElement().setAttribute("aria-hidden", "true");
        Span spoken = new Span(sentence);
        spoken.addClassName("visually-hidden");
        Span badge = new Span(visible, spoken);
        badge.getElement().getThemeList().add("badge");
        badge.getElement().getThemeList().add("small");
        if (variant != null) {
            badge.getElement().getThemeList().add(variant);
        }
        badge.addClassNames("chat-row-badge", className);
        badge.getElement().setAttribute("title", sentence);
        return badge;
    }

    /** A pin or an archive from the row menu; a chat deleted meanwhile (another tab) just leaves the list. */
    private void change(Runnable change, @Nullable String done) {
        try {
            change.run();
            if (done != null) {
                Notifications.success(done);
            }
        } catch (ConversationNotFoundException e) {
            Notifications.error(e.getMessage());
        } catch (InvalidChatInputException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    /**
     * Archives a chat from the row menu and offers to take it back: the notification's Undo puts it
     * back in the list (it can also be unarchived under Settings → Data controls).
     */
    private void archive(ConversationSummary conversation) {
        try {
            service.archive(conversation.id(), true);
            Notifications.successWithUndo("Chat archived. Search finds it, and Settings → Data controls lists it.",
                    () -> change(() -> service.archive(conversation.id(), false), "Chat back in the list."));
        } catch (ConversationNotFoundException | InvalidChatInputException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    void openRename(ConversationSummary conversation) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Rename chat");
        TextField title = new TextField("Title");
        title.setId("rename-title");
        title.setValue(conversation.title());
        title.setMaxLength(ConversationSummary.TITLE_MAX_LENGTH);
        title.setWidthFull();
        title.setMinWidth("20rem");
        Button save = new Button("Save", event -> {
            try {
                ConversationSummary renamed = service.rename(conversation.id(), title.getValue());
                dialog.close();
                refresh();
                onRenamed.accept(renamed);
            } catch (InvalidChatInputException e) {
                title.setErrorMessage(e.getMessage());
                title.setInvalid(true);
            } catch (ConversationNotFoundException e) {
                dialog.close();
                Notifications.error(e.getMessage());
                refresh();
            }
        });
        save.setId("rename-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        Button cancel = new Button("Cancel", event -> dialog.close());
        dialog.add(title);
        dialog.getFooter().add(cancel, save);
        dialog.open();
        title.focus();
    }

    void confirmDelete(ConversationSummary conversation) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("delete-chat-confirm");
        confirm.setHeader("Delete chat?");
        confirm.setText("“" + conversation.title() + "” and all its messages will be deleted for good. "
                + "If you shared it, the link stops working.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            try {
                service.delete(conversation.id());
            } catch (ConversationNotFoundException e) {
                // Already gone (another tab): the list refresh below shows that.
            }
            refresh();
            onDeleted.accept(conversation.id());
        });
        confirm.open();
    }
}
