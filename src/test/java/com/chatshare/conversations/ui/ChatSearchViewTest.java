package com.chatshare.conversations.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.KaribuTest;
import com.chatshare.UserInput;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageRole;
import com.github.mvysny.kaributesting.v10.AnchorsKt;
import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/** The search field and the row menu of the chat list, used as a person uses them. */
class ChatSearchViewTest extends KaribuTest {

    @Autowired
    ConversationService service;

    @Autowired
    AccountService accounts;

    @BeforeEach
    void signIn() {
        String username = "finder-" + System.nanoTime();
        accounts.register(new Registration(username, "Fay Finder", "long-enough-password"));
        login(username);
    }

    @Test
    void typing_a_word_lists_matching_chats_with_marked_snippets_and_a_result_opens_the_chat_at_its_message() {
        ConversationSummary bread = service.createConversation("Baking", List.of(
                new ChatTurn(MessageRole.USER, "How long does sourdough rise?"),
                new ChatTurn(MessageRole.ASSISTANT, "About eight hours. <img src=x onerror=alert(1)> Keep it warm."),
                new ChatTurn(MessageRole.USER, "Thanks!")));
        service.createConversation("Tea", List.of(new ChatTurn(MessageRole.USER, "Green or black?")));
        ChatMessage answer = service.findMessages(bread.id()).get(1);
        UI.getCurrent().navigate(ChatView.class);

        UserInput.enter(search(), "eigh");

        Div results = _get(Div.class, spec -> spec.withId("chat-search-results"));
        assertThat(results.isVisible()).isTrue();
        assertThat(_find(Grid.class, spec -> spec.withId("chat-list"))).as("the results replace the list").isEmpty();
        List<Anchor> links = _find(results, Anchor.class);
        assertThat(links).singleElement().satisfies(link -> {
            assertThat(link.getElement().getTextRecursively()).startsWith("Baking")
                    .contains("About eight hours. <img src=x onerror=alert(1)> Keep it warm.");
            assertThat(link.getHref()).isEqualTo("chat/" + bread.id() + "?message=" + answer.id());
        });
        assertThat(descendants(results, "mark")).extracting(Element::getText).containsExactly("eight");
        assertThat(descendants(results, "img")).as("message text is text, never markup").isEmpty();

        AnchorsKt._click(links.getFirst());

        assertThat(_get(H2.class, spec -> spec.withId("conversation-title")).getText()).isEqualTo("Baking");
        assertThat(_get(ChatMessages.class).entries()).filteredOn(entry -> entry.hasClassName("found-message"))
                .singleElement().satisfies(entry -> assertThat(entry.getText()).startsWith("About eight hours"));

        UserInput.enter(search(), "nothing-like-this");
        assertThat(_get(Div.class, spec -> spec.withId("chat-search-results")).getElement().getTextRecursively())
                .contains("No chats match “nothing-like-this”.");
        UserInput.enter(search(), "");
        assertThat(_find(Div.class, spec -> spec.withId("chat-search-results"))).isEmpty();
        assertThat(chatTitles()).containsExactly("Tea", "Baking");
    }

    @Test
    void a_result_in_an_old_message_of_a_long_chat_loads_the_chat_down_to_it_and_one_on_another_version_says_so() {
        List<ChatTurn> turns = new ArrayList<>();
        IntStream.range(0, 160).forEach(i -> turns.add(new ChatTurn(i % 2 == 0 ? MessageRole.USER : MessageRole.ASSISTANT,
                i == 4 ? "The zeppelin question, long ago" : "Filler message " + i)));
        ConversationSummary longChat = service.createConversation("Airships", turns);
        ChatMessage old = service.findMessages(longChat.id()).get(4);
        UI.getCurrent().navigate(ChatView.class);

        UserInput.enter(search(), "zeppelin");
        AnchorsKt._click(_get(_get(Div.class, spec -> spec.withId("chat-search-results")), Anchor.class));

        // 106 messages down to it would be more than a page holds: a stretch around it instead of the end.
        List<MessageEntry> shown = _get(ChatMessages.class).entries();
        assertThat(shown).filteredOn(entry -> entry.hasClassName("found-message"))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.getText()).isEqualTo("The zeppelin question, long ago");
                    assertThat(entry.getElement().getAttribute("data-message-id")).isEqualTo(String.valueOf(old.id()));
                });
        assertThat(shown).hasSize(44);
        assertThat(shown.getLast().getText()).isEqualTo("Filler message 43");
        _click(_get(Button.class, spec -> spec.withId("show-latest")));
        assertThat(_get(ChatMessages.class).entries()).hasSize(ChatMessages.PAGE).last()
                .satisfies(entry -> assertThat(entry.getText()).isEqualTo("Filler message 159"));
        assertThat(_find(Button.class, spec -> spec.withId("show-latest"))).isEmpty();

        // Opened at the old message again, a message sent goes to the chat's end, shown from there.
        UserInput.enter(search(), "zeppelin");
        AnchorsKt._click(_get(_get(Div.class, spec -> spec.withId("chat-search-results")), Anchor.class));
        assertThat(_get(ChatMessages.class).entries().getLast().getText()).isEqualTo("Filler message 43");
        UserInput.enter(_get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withId("message-input")),
                "Back at the end, a new question");
        _click(_get(Button.class, spec -> spec.withId("send")));
        ChatViewTest.awaitUntil(() -> !_find(Button.class, spec -> spec.withId("send")).isEmpty());
        List<String> afterSend = _get(ChatMessages.class).entries().stream().map(MessageEntry::getText).toList();
        assertThat(afterSend).contains("Filler message 159", "Back at the end, a new question")
                .doesNotContain("The zeppelin question, long ago");
        assertThat(service.findMessages(longChat.id())).hasSize(162);

        // An edit leaves the first words in another version: found, opened, and said where they are.
        ConversationSummary edited = service.createConversation("Pets", List.of(
                new ChatTurn(MessageRole.USER, "Is a quokka a good pet?")));
        service.editUserMessage(edited.id(), service.findMessages(edited.id()).getFirst().id(), "Is a cat a good pet?");
        UserInput.enter(search(), "quokka");
        AnchorsKt._click(_get(_get(Div.class, spec -> spec.withId("chat-search-results")), Anchor.class));

        assertThat(_get(H2.class, spec -> spec.withId("conversation-title")).getText()).isEqualTo("Pets");
        assertThat(_get(ChatMessages.class).entries()).extracting(MessageEntry::getText)
                .containsExactly("Is a cat a good pet?");
        // An error notice stays until closed (it has a Close button), so its text is in its children.
        assertThat(NotificationsKt.getNotifications()).singleElement().satisfies(notice ->
                assertThat(notice.getElement().getTextRecursively()).isEqualTo(EarlierMessages.OTHER_VERSION));
    }

    @Test
    void the_row_menu_renames_pins_archives_and_deletes_and_search_still_finds_an_archived_chat() {
        service.createConversation("Holiday plans", List.of(new ChatTurn(MessageRole.USER, "Where to in June?")));
        service.createConversation("Groceries", List.of(new ChatTurn(MessageRole.USER, "Milk and eggs")));
        service.createConversation("Taxes", List.of(new ChatTurn(MessageRole.USER, "Deadline in April")));
        UI.getCurrent().navigate(ChatView.class);
        assertThat(chatTitles()).containsExactly("Taxes", "Groceries", "Holiday plans");

        MenuBar holidayMenu = rowMenu("Holiday plans");
        assertThat(holidayMenu.getItems().getFirst().getElement().getAttribute("aria-label"))
                .isEqualTo("Chat actions for Holiday plans");
        ContextMenuKt._clickItemWithCaption(holidayMenu, "Pin");
        assertThat(chatTitles()).containsExactly("Holiday plans", "Taxes", "Groceries");

        ContextMenuKt._clickItemWithCaption(rowMenu("Groceries"), "Rename");
        TextField title = _get(TextField.class, spec -> spec.withId("rename-title"));
        UserInput.enter(title, "   ");
        _click(_get(Button.class, spec -> spec.withId("rename-save")));
        assertThat(title.isInvalid()).isTrue();
        UserInput.enter(title, "Shopping list");
        _click(_get(Button.class, spec -> spec.withId("rename-save")));
        assertThat(chatTitles()).as("renaming is activity").containsExactly("Holiday plans", "Shopping list", "Taxes");

        ContextMenuKt._clickItemWithCaption(rowMenu("Holiday plans"), "Archive");
        assertThat(chatTitles()).containsExactly("Shopping list", "Taxes");
        _click(_get(Button.class, spec -> spec.withId("notification-undo")));
        assertThat(chatTitles()).as("Undo puts the archived chat back").contains("Holiday plans");
        assertThat(service.findArchivedConversations(PageRequest.of(0, 10)).getContent()).isEmpty();

        ContextMenuKt._clickItemWithCaption(rowMenu("Holiday plans"), "Archive");
        assertThat(chatTitles()).containsExactly("Shopping list", "Taxes");
        UserInput.enter(search(), "june");
        Div results = _get(Div.class, spec -> spec.withId("chat-search-results"));
        assertThat(results.getElement().getTextRecursively()).contains("Holiday plans", "Archived", "June");

        UserInput.enter(search(), "");
        ContextMenuKt._clickItemWithCaption(rowMenu("Taxes"), "Delete");
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("delete-chat-confirm"));
        assertThat(ConfirmDialogKt._getText(confirm)).contains("Taxes");
        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(chatTitles()).containsExactly("Shopping list");
    }

    private static TextField search() {
        return _get(TextField.class, spec -> spec.withId("chat-search"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<ConversationSummary> grid() {
        return _get(Grid.class, spec -> spec.withId("chat-list"));
    }

    private static List<String> chatTitles() {
        return GridKt._findAll(grid()).stream().map(ConversationSummary::title).toList();
    }

    private static MenuBar rowMenu(String title) {
        Grid<ConversationSummary> grid = grid();
        int row = IntStream.range(0, GridKt._size(grid))
                .filter(i -> GridKt._get(grid, i).title().equals(title)).findFirst().orElseThrow();
        Component cell = GridKt._getCellComponent(grid, row, "chat");
        return _get(cell, MenuBar.class);
    }

    private static List<Element> descendants(Component root, String tag) {
        List<Element> found = new ArrayList<>();
        collect(root.getElement(), tag, found);
        return found;
    }

    private static void collect(Element element, String tag, List<Element> found) {
        if (element.isTextNode()) {
            return;
        }
        if (tag.equals(element.getTag())) {
            found.add(element);
        }
        element.getChildren().forEach(child -> collect(child, tag, found));
    }
}
