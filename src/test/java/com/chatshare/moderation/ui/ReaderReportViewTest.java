package com.chatshare.moderation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.KaribuTest;
import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.base.ui.NotFoundView;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageRole;
import com.chatshare.moderation.ModerationRow;
import com.chatshare.moderation.ReportReason;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSettings;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.ShareRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A listed reader reports a link for specific people from its signed-in page; only then moderators see it. */
class ReaderReportViewTest extends KaribuTest {

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    UserDetailsService users;

    @Autowired
    AccountService accounts;

    /** A fresh reader per test, so the report limits per account start afresh. */
    private String newReader() {
        String name = "rreader-" + System.nanoTime() % 1_000_000_000L;
        accounts.register(new Registration(name, "Reader " + name, "long-enough-password"));
        return name;
    }

    private ShareDetails shareWith(String reader, String title) {
        SignedIn.as(users, "alice");
        ConversationSummary conversation = conversations.importConversation(title, List.of(
                new ChatTurn(MessageRole.USER, "Bob's address is 1 Main Street"),
                new ChatTurn(MessageRole.ASSISTANT, "Noted.")));
        ShareDetails details = shares.share(
                ShareRequest.of(conversation.id(), conversation.title(), ShareVisibility.NAMED)
                .withSettings(new ShareSettings(ShareAudience.PEOPLE, List.of(reader), null)));
        SignedIn.signOut();
        return details;
    }

    @SuppressWarnings("unchecked")
    private List<ModerationRow> moderatorSearches(String text) {
        UI.getCurrent().navigate(ModerationView.class);
        _get(TextField.class, spec -> spec.withId("filter-search")).setValue(text);
        // The queue hides its grid when nothing matches.
        return _find(Grid.class, spec -> spec.withId("moderation-grid")).stream()
                .flatMap(grid -> GridKt._findAll((Grid<ModerationRow>) grid).stream()).toList();
    }

    @SuppressWarnings("unchecked")
    @Test
    void a_listed_reader_reports_the_link_and_only_then_a_moderator_finds_it() {
        String title = "Quelzam notes " + System.nanoTime();
        String reader = newReader();
        ShareDetails link = shareWith(reader, title);
        login("mod");
        assertThat(moderatorSearches("Quelzam")).noneMatch(row -> row.shareId() == link.shareId());
        newSession();

        login(reader);
        UI.getCurrent().navigate(link.path().substring(1));
        String report = _get(Anchor.class, spec -> spec.withId("shared-chat-report")).getHref();
        UI.getCurrent().navigate(report);
        _get(RadioButtonGroup.class, spec -> spec.withId("reader-report-reason")).setValue(ReportReason.HARASSMENT);
        _click(_get(Button.class, spec -> spec.withId("reader-report-send")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("reader-report-thanks")).getText())
                .contains("Thank you for your report");
        newSession();

        login("mod");
        assertThat(moderatorSearches("Quelzam")).anyMatch(row -> row.shareId() == link.shareId());
    }

    @Test
    void someone_not_listed_gets_the_not_found_page_instead_of_the_form() {
        ShareDetails link = shareWith(newReader(), "Not for the moderator " + System.nanoTime());
        login("mod");

        UI.getCurrent().navigate(link.path().substring(1) + "/report");

        assertThat(_find(ReaderReportView.class)).isEmpty();
        assertThat(_get(NotFoundView.class).getElement().getTextRecursively())
                .contains(ReaderReportView.NOT_AVAILABLE);
    }
}
