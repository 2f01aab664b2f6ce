package com.chatshare.datacontrols.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.KaribuTest;
import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.PasswordChangeException;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.ConversationService;
import com.chatshare.datacontrols.DataExport;
import com.chatshare.security.CurrentUser;
import com.chatshare.security.LoginThrottle;
import com.chatshare.security.LoginThrottledException;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSummary;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class DataControlsViewTest extends KaribuTest {

    static final AtomicInteger counter = new AtomicInteger();

    @Autowired
    ShareService shares;

    @Autowired
    ConversationService conversations;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    DataExport export;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    CurrentUser currentUser;

    String user;

    @BeforeEach
    void freshUser() {
        user = "erin-" + counter.incrementAndGet();
        accounts.register(new Registration(user, "Erin", "long-enough-password"));
    }

    /** Password checks count per address; each test's are its own, not the suite's 127.0.0.1. */
    @BeforeEach
    void fromAnAddressOfItsOwn() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.99.0." + counter.get());
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @AfterEach
    void forgetTheAddress() {
        RequestContextHolder.resetRequestAttributes();
    }

    private ShareDetails share(String question) {
        ShareDetails details = SharingFixtures.share(shares, conversations, users, user, question,
                ShareVisibility.ANONYMOUS);
        SignedIn.signOut();
        return details;
    }

    private void open() {
        login(user);
        UI.getCurrent().navigate(DataControlsView.class);
    }

    private Grid<ShareSummary> manage() {
        _click(_get(Button.class, spec -> spec.withId("manage-links")));
        @SuppressWarnings("unchecked")
        Grid<ShareSummary> grid = _get(Grid.class, spec -> spec.withId("links-grid"));
        return grid;
    }

    private static List<String> titles(Grid<ShareSummary> grid) {
        return GridKt._findAll(grid).stream().map(ShareSummary::title).toList();
    }

    @Test
    void with_no_links_the_page_says_what_to_do() {
        open();

        assertThat(_get(Paragraph.class, spec -> spec.withId("link-count")).getText())
                .isEqualTo("You have not shared any chats.");
        _click(_get(Button.class, spec -> spec.withId("manage-links")));
        assertThat(_get(Div.class, spec -> spec.withId("links-empty")).getElement().getTextRecursively())
                .contains("press Share");
    }

    @Test
    void the_links_empty_state_gives_way_to_the_grid_and_returns_when_the_last_link_is_deleted() {
        share("Only link");
        open();
        Grid<ShareSummary> grid = manage();

        assertThat(_find(Div.class, spec -> spec.withId("links-empty"))).isEmpty();
        assertThat(titles(grid)).containsExactly("Only link");

        ContextMenuKt._clickItemWithCaption((MenuBar) GridKt._getCellComponent(grid, 0, "actions"), "Delete…");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("delete-one-confirm")));

        assertThat(_get(Div.class, spec -> spec.withId("links-empty")).getElement().getTextRecursively())
                .contains("No shared links");
        assertThat(_find(Grid.class, spec -> spec.withId("links-grid"))).isEmpty();
    }

    @Test
    void the_grid_lists_searches_and_sorts_the_users_links() {
        share("Apple pie");
        share("Banana bread");
        share("Cherry tart");
        open();
        assertThat(_get(Paragraph.class, spec -> spec.withId("link-count")).getText())
                .isEqualTo("You have 3 shared links.");

        Grid<ShareSummary> grid = manage();
        assertThat(titles(grid)).containsExactly("Cherry tart", "Banana bread", "Apple pie");

        GridKt._sortByKey(grid, "title", SortDirection.ASCENDING);
        assertThat(titles(grid)).containsExactly("Apple pie", "Banana bread", "Cherry tart");

        _get(TextField.class, spec -> spec.withId("links-search")).setValue("bre");
        assertThat(titles(grid)).containsExactly("Banana bread");

        _get(TextField.class, spec -> spec.withId("links-search")).setValue("ana");
        assertThat(titles(grid)).as("word beginnings only").isEmpty();
        assertThat(grid.getEmptyStateText()).contains("beginning with every word you typed");
    }

    @Test
    void deleting_a_row_asks_with_its_title() {
        share("Keep me");
        ShareDetails doomed = share("Delete me");
        open();
        Grid<ShareSummary> grid = manage();
        int row = titles(grid).indexOf("Delete me");

        ContextMenuKt._clickItemWithCaption((MenuBar) GridKt._getCellComponent(grid, row, "actions"), "Delete…");
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("delete-one-confirm"));
        assertThat(ConfirmDialogKt._getText(confirm)).contains("Delete me");
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(titles(grid)).containsExactly("Keep me");
    }

    @Test
    void delete_selected_deletes_the_checked_rows() {
        share("One");
        share("Two");
        share("Three");
        open();
        Grid<ShareSummary> grid = manage();
        GridKt._findAll(grid).stream().filter(s -> !s.title().equals("Two")).forEach(grid::select);
        Button deleteSelected = _get(Button.class, spec -> spec.withId("delete-selected"));
        assertThat(deleteSelected.getText()).isEqualTo("Delete selected (2)");

        _click(deleteSelected);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("delete-selected-confirm")));

        assertThat(titles(grid)).containsExactly("Two");
    }

    @Test
    void delete_all_states_the_exact_count() {
        share("First");
        share("Second");
        open();
        Grid<ShareSummary> grid = manage();

        ContextMenuKt._clickItemWithCaption(_get(MenuBar.class, spec -> spec.withId("links-menu")),
                "Delete all shared links");
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("delete-all-confirm"));
        assertThat(ConfirmDialogKt._getText(confirm)).contains("All 2 links");
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(_find(Grid.class, spec -> spec.withId("links-grid"))).isEmpty();
        assertThat(grid.isVisible()).isFalse();
        assertThat(_find(TextField.class, spec -> spec.withId("links-search"))).as("nothing left to search").isEmpty();
        UI.getCurrent().navigate(DataControlsView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("link-count")).getText())
                .isEqualTo("You have not shared any chats.");
    }

    @Test
    void taken_down_and_stale_links_show_their_status() {
        ShareDetails takenDown = share("Taken down");
        ShareDetails stale = share("Stale");
        jdbc.update("update share_link set status = 'TAKEN_DOWN', takedown_reason = 'Spam or phishing' where id = ?",
                takenDown.shareId());
        SignedIn.as(users, user);
        conversations.postUserMessage(stale.conversationId(), "more");
        SignedIn.signOut();
        open();

        Grid<ShareSummary> grid = manage();

        List<String> statuses = GridKt._findAll(grid).stream().map(row -> {
            int index = GridKt._findAll(grid).indexOf(row);
            return ((Span) GridKt._getCellComponent(grid, index, "status")).getText();
        }).toList();
        assertThat(statuses).containsExactly("1 new message", "Taken down by moderation: Spam or phishing");
    }

    @Test
    void export_contains_the_users_chats_and_links_only() throws Exception {
        share("Exported chat");
        SignedIn.as(users, user);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        export.writeTo(out);

        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"username\" : \"" + user + "\"", "Exported chat", "/share/")
                .doesNotContain("alice", "Alice Example");
        open();
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("export-data")).getHref())
                .isNotBlank();
    }

    @Test
    void account_deletion_needs_the_password() {
        ShareDetails link = share("Last words");
        open();

        _click(_get(Button.class, spec -> spec.withId("delete-account")));
        PasswordField password = _get(PasswordField.class, spec -> spec.withId("delete-account-password"));
        password.setValue("not my password");
        _click(_get(Button.class, spec -> spec.withId("delete-account-confirm")));
        assertThat(password.isInvalid()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, user))
                .isEqualTo(1);

        password.setValue("long-enough-password");
        _click(_get(Button.class, spec -> spec.withId("delete-account-confirm")));

        assertThat(jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, user))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from share_link where id = ?", Integer.class, link.shareId()))
                .isZero();
    }

    @Test
    void change_password_shows_each_problem_on_its_field_and_wipes_nothing() {
        open();
        _click(_get(Button.class, spec -> spec.withId("change-password")));
        PasswordField current = _get(PasswordField.class, spec -> spec.withId("change-password-current"));
        PasswordField next = _get(PasswordField.class, spec -> spec.withId("change-password-new"));
        PasswordField repeat = _get(PasswordField.class, spec -> spec.withId("change-password-repeat"));
        Button save = _get(Button.class, spec -> spec.withId("change-password-confirm"));

        current.setValue("long-enough-password");
        next.setValue("a-new-password-1");
        repeat.setValue("a-new-password-2");
        _click(save);
        assertThat(repeat.isInvalid()).isTrue();
        assertThat(repeat.getErrorMessage()).contains("not the same");

        repeat.setValue("a-new-password-1");
        current.setValue("not my password");
        _click(save);
        assertThat(current.isInvalid()).isTrue();
        assertThat(current.getErrorMessage()).isEqualTo(PasswordChangeException.WRONG_CURRENT_PASSWORD);
        assertThat(repeat.isInvalid()).isFalse();

        current.setValue("long-enough-password");
        next.setValue("short");
        repeat.setValue("short");
        _click(save);
        assertThat(next.isInvalid()).isTrue();
        assertThat(next.getErrorMessage()).isEqualTo(Registration.passwordProblem("short").orElseThrow());
        assertThat(current.isInvalid()).isFalse();

        assertThat(List.of(current.getValue(), next.getValue(), repeat.getValue()))
                .containsExactly("long-enough-password", "short", "short");
        assertThat(passwordIs("long-enough-password")).isTrue();
    }

    @Test
    void change_password_with_the_right_current_password_changes_it_and_keeps_this_session() {
        open();
        _click(_get(Button.class, spec -> spec.withId("change-password")));
        _get(PasswordField.class, spec -> spec.withId("change-password-current")).setValue("long-enough-password");
        _get(PasswordField.class, spec -> spec.withId("change-password-new")).setValue("a-new-password-1");
        _get(PasswordField.class, spec -> spec.withId("change-password-repeat")).setValue("a-new-password-1");

        _click(_get(Button.class, spec -> spec.withId("change-password-confirm")));

        assertThat(_find(Dialog.class, spec -> spec.withId("change-password-dialog"))).isEmpty();
        NotificationsKt.expectNotifications("Password changed. Your other sessions are signed out.");
        assertThat(passwordIs("a-new-password-1")).isTrue();
        assertThat(currentUser.require().credentialsVersion()).isEqualTo(1);
    }

    @Test
    void a_throttled_account_deletion_says_so_and_deletes_nothing() {
        open();
        _click(_get(Button.class, spec -> spec.withId("delete-account")));
        PasswordField password = _get(PasswordField.class, spec -> spec.withId("delete-account-password"));
        Button confirm = _get(Button.class, spec -> spec.withId("delete-account-confirm"));
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            password.setValue("guess number " + i);
            _click(confirm);
        }

        password.setValue("long-enough-password");
        _click(confirm);

        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).startsWith(LoginThrottledException.MESSAGE);
        assertThat(jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, user))
                .isEqualTo(1);
    }

    private boolean passwordIs(String password) {
        String hash = jdbc.queryForObject("select password_hash from app_user where username = ?", String.class, user);
        return passwordEncoder.matches(password, hash);
    }
}
