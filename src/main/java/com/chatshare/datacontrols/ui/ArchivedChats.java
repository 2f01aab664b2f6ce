package com.chatshare.datacontrols.ui;

import com.chatshare.base.ui.Notifications;
import com.chatshare.conversations.ChatPaths;
import com.chatshare.conversations.ConversationNotFoundException;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.ApplicationConstants;
import java.util.List;
import org.springframework.data.domain.PageRequest;

/**
 * Settings → Data controls → Archived chats: the chats the owner archived from the chat list, most
 * recently archived first, each with Open and Unarchive (back into the chat list). Uses
 * conversations' service only.
 */
class ArchivedChats extends Div {

    private final transient ConversationService conversations;
    private final Paragraph count = new Paragraph();
    private final Grid<ConversationSummary> grid = new Grid<>();

    ArchivedChats(ConversationService conversations) {
        this.conversations = conversations;
        setId("archived-chats");
        addClassName("settings-section");
        count.setId("archived-count");

        grid.setId("archived-grid");
        grid.setAriaLabel("Archived chats");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.addColumn(ConversationSummary::title).setHeader("Title").setKey("title").setFlexGrow(1);
        grid.addComponentColumn(this::actions).setHeader("Actions").setKey("actions").setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(query -> {
            List<ConversationSummary> page = conversations
                    .findArchivedConversations(PageRequest.of(query.getPage(), query.getPageSize())).getContent();
            return page.stream();
        });
        grid.setHeight("16rem");
        add(new H3("Archived chats"), count, grid);
        refresh();
    }

    private HorizontalLayout actions(ConversationSummary chat) {
        Anchor open = new Anchor(ChatPaths.chat(chat.id()), "Open");
        open.getElement().setAttribute(ApplicationConstants.ROUTER_LINK_ATTRIBUTE, "");
        open.getElement().setAttribute("aria-label", "Open " + chat.title());
        open.addClassName("archived-open");
        Button unarchive = new Button("Unarchive", event -> unarchive(chat));
        unarchive.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        unarchive.setAriaLabel("Unarchive " + chat.title());
        unarchive.addClassName("archived-unarchive");
        HorizontalLayout actions = new HorizontalLayout(open, unarchive);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        return actions;
    }

    private void unarchive(ConversationSummary chat) {
        try {
            conversations.archive(chat.id(), false);
            Notifications.success("“" + chat.title() + "” is back in your chat list.");
        } catch (ConversationNotFoundException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    private void refresh() {
        long archived = conversations.countArchivedConversations();
        count.setText(archived == 0 ? "You have no archived chats. Archive one from its ⋯ menu in the chat list."
                : "You have " + archived + (archived == 1 ? " archived chat" : " archived chats")
                        + ". Search in the chat list finds them, and their shared links still work.");
        grid.setVisible(archived > 0);
        grid.getDataProvider().refreshAll();
    }
}
