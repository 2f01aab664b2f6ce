package com.chatshare.datacontrols.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.KaribuTest;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.github.mvysny.kaributesting.v10.AnchorsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/** Settings → Data controls → Archived chats: listed, opened, and brought back to the chat list. */
class ArchivedChatsViewTest extends KaribuTest {

    @Autowired
    ConversationService conversations;

    @Autowired
    AccountService accounts;

    @Autowired
    com.chatshare.datacontrols.DataExport export;

    @BeforeEach
    void signIn() {
        String username = "archivist-" + System.nanoTime();
        accounts.register(new Registration(username, "Ari Archivist", "long-enough-password"));
        login(username);
    }

    @Test
    void an_archived_chat_is_listed_opens_and_comes_back_to_the_chat_list() {
        ConversationSummary old = conversations.startConversation("Last year's taxes");
        conversations.startConversation("This week");
        conversations.archive(old.id(), true);
        UI.getCurrent().navigate(DataControlsView.class);

        assertThat(_get(Paragraph.class, spec -> spec.withId("archived-count")).getText())
                .startsWith("You have 1 archived chat.");
        Grid<ConversationSummary> grid = grid();
        assertThat(GridKt._findAll(grid)).extracting(ConversationSummary::title).containsExactly("Last year's taxes");

        AnchorsKt._click(_get(GridKt._getCellComponent(grid, 0, "actions"), Anchor.class));
        assertThat(_get(H2.class, spec -> spec.withId("conversation-title")).getText()).isEqualTo("Last year's taxes");

        UI.getCurrent().navigate(DataControlsView.class);
        _click(_get(GridKt._getCellComponent(grid(), 0, "actions"), Button.class));

        assertThat(_get(Paragraph.class, spec -> spec.withId("archived-count")).getText())
                .startsWith("You have no archived chats.");
        assertThat(_find(Grid.class, spec -> spec.withId("archived-grid"))).isEmpty();
        assertThat(conversations.findConversations(PageRequest.of(0, 10)).getContent())
                .extracting(ConversationSummary::title).contains("Last year's taxes", "This week");
    }

    @Test
    void the_export_holds_archived_chats_too() throws Exception {
        ConversationSummary archived = conversations.startConversation("Archived but mine");
        conversations.startConversation("In the list");
        conversations.archive(archived.id(), true);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        export.writeTo(out);

        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("Archived but mine", "In the list");
    }

    @SuppressWarnings("unchecked")
    private static Grid<ConversationSummary> grid() {
        return _get(Grid.class, spec -> spec.withId("archived-grid"));
    }
}
