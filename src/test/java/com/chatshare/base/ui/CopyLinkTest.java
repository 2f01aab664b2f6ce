package com.chatshare.base.ui;

import com.vaadin.flow.component.menubar.MenuBar;
import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.BrowserClipboard;
import com.chatshare.KaribuTest;
import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.chatshare.sharing.ShareRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Copy Link says "copied" only when the browser copied: without a clipboard (plain HTTP on a LAN
 * address) the link is selected and the person told how to copy it. The browser's answer is given
 * by the test ({@link BrowserClipboard}), as Karibu runs no JavaScript.
 */
class CopyLinkTest extends KaribuTest {

    private static final AtomicInteger counter = new AtomicInteger();

    @Autowired
    AccountService accounts;

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    UserDetailsService users;

    String user;
    ConversationSummary conversation;

    @BeforeEach
    void aUserWithAnAnsweredChat() {
        user = "cleo-" + counter.incrementAndGet();
        accounts.register(new Registration(user, "Cleo", "long-enough-password"));
        conversation = SharingFixtures.answeredConversation(conversations, users, user, "What is a clipboard?");
        SignedIn.signOut();
        login(user);
    }

    @Test
    void share_dialog_says_copied_once_the_browser_copied() {
        openShareDialog();

        _click(_get(Button.class, spec -> spec.withId("copy-link")));
        assertThat(notificationsNow()).as("nothing said before the browser answered").isEmpty();
        String url = BrowserClipboard.answer(true);

        assertThat(url).isEqualTo(linkField().getValue()).endsWith(shares.findShare(conversation.id()).orElseThrow().path());
        // Said beside the link: a toast would cover the dialog's title, and on a phone the link.
        assertThat(linkField().getHelperText()).isEqualTo("Link copied to the clipboard.");
        assertThat(notifications()).noneMatch(text -> text.contains("copied"));
    }

    @Test
    void share_dialog_without_a_clipboard_selects_the_link_and_says_press_ctrl_c() {
        openShareDialog();

        _click(_get(Button.class, spec -> spec.withId("copy-link")));
        String url = BrowserClipboard.answer(false);

        assertThat(shares.findShare(conversation.id())).as("the link is made all the same").isPresent();
        assertThat(linkField().getValue()).isEqualTo(url);
        assertThat(notifications()).noneMatch(text -> text.contains("copied"));
        assertThat(linkField().getHelperText()).isEqualTo("Not copied. Press Ctrl+C (⌘C on Mac) to copy.");
        assertThat(linkField().isAutoselect()).as("focusing the field selects the whole link").isTrue();
    }

    @Test
    void update_without_a_clipboard_does_not_say_copied_either() {
        openShareDialog();
        _click(_get(Button.class, spec -> spec.withId("copy-link")));
        BrowserClipboard.answer(true);
        NotificationsKt.clearNotifications();
        _click(_get(Button.class, spec -> spec.withId("edit-title")));
        com.chatshare.UserInput.enter(
                _get(TextField.class, spec -> spec.withId("share-title-field")), "Clipboards, updated");

        _click(_get(Button.class, spec -> spec.withId("copy-link")));
        BrowserClipboard.answer(false);

        assertThat(linkField().getHelperText()).isEqualTo("Link updated but not copied. Press Ctrl+C (⌘C on Mac) to copy.");
        assertThat(notifications()).noneMatch(text -> text.contains("copied"));
    }

    @Test
    void links_dialog_copies_a_row_and_says_so_only_when_copied() {
        ShareDetails link = shareNow();
        Grid<?> grid = openLinksDialog();

        copyFromFirstRow(grid);
        String url = BrowserClipboard.answer(true);

        assertThat(url).startsWith("http").endsWith(link.path());

        assertThat(notifications()).anyMatch(text -> text.equals("Link copied: " + url));
        _assertNone(CopyLinkDialog.class);
    }

    @Test
    void links_dialog_without_a_clipboard_shows_the_link_selected_with_how_to_copy_it() {
        ShareDetails link = shareNow();
        Grid<?> grid = openLinksDialog();

        copyFromFirstRow(grid);
        String url = BrowserClipboard.answer(false);

        assertThat(url).startsWith("http").endsWith(link.path());

        assertThat(notifications()).noneMatch(text -> text.startsWith("Link copied"));
        TextField field = _get(TextField.class, spec -> spec.withId("copy-link-url"));
        assertThat(field.getValue()).isEqualTo(url);
        assertThat(field.isAutoselect()).isTrue();
        assertThat(field.getHelperText()).isEqualTo("Not copied. Press Ctrl+C (⌘C on Mac) to copy.");

        _click(_get(Button.class, spec -> spec.withId("copy-link-close")));
        _assertNone(CopyLinkDialog.class);
        assertThat(_find(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("links-grid"))).hasSize(1);
    }

    private void openShareDialog() {
        UI.getCurrent().navigate("chat/" + conversation.id());
        _click(_get(Button.class, spec -> spec.withId("header-share")));
    }

    private static TextField linkField() {
        return _get(TextField.class, spec -> spec.withId("share-url"));
    }

    private ShareDetails shareNow() {
        SignedIn.as(users, user);
        ShareDetails details = shares.share(
                ShareRequest.of(conversation.id(), conversation.title(), ShareVisibility.ANONYMOUS));
        login(user);
        return details;
    }

    private static Grid<?> openLinksDialog() {
        UI.getCurrent().navigate("settings/data-controls");
        _click(_get(Button.class, spec -> spec.withId("manage-links")));
        return _get(Grid.class, spec -> spec.withId("links-grid"));
    }

    private static void copyFromFirstRow(Grid<?> grid) {
        ContextMenuKt._clickItemWithCaption((MenuBar) GridKt._getCellComponent(grid, 0, "actions"), "Copy link");
    }

    private static List<String> notifications() {
        return NotificationsKt.getNotifications().stream().map(CopyLinkTest::text).toList();
    }

    /** The notifications shown, read without a round trip to the browser (see {@link BrowserClipboard}). */
    private static List<String> notificationsNow() {
        return UI.getCurrent().getChildren().filter(Notification.class::isInstance).map(Notification.class::cast)
                .filter(Notification::isOpened).map(CopyLinkTest::text).toList();
    }

    private static String text(Notification notification) {
        return notification.getElement().getTextRecursively() + notification.getElement().getProperty("text", "");
    }
}
