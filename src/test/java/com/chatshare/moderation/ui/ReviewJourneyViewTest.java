package com.chatshare.moderation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.KaribuTest;
import com.chatshare.SignedIn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.moderation.ModerationRow;
import com.chatshare.moderation.ModerationService;
import com.chatshare.moderation.ReportReason;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The owner's notices in the header, the review request dialog, and the moderators' decision, as clicked. */
class ReviewJourneyViewTest extends KaribuTest {

    @Autowired
    ShareService shares;

    @Autowired
    ConversationService conversations;

    @Autowired
    ModerationService moderation;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_owner_reads_the_notice_asks_for_a_review_and_another_moderator_reinstates() {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "alice", "Notice me in the header",
                ShareVisibility.ANONYMOUS);
        SignedIn.as(users, "mod");
        moderation.takeDown(List.of(link.shareId()), ReportReason.VIOLENCE, "Graphic");
        SignedIn.signOut();

        login("alice");
        UI.getCurrent().navigate("");
        Span count = _get(Span.class, spec -> spec.withId("notices-count"));
        assertThat(count.isVisible()).isTrue();
        _click(_get(Button.class, spec -> spec.withId("notices")));
        Dialog list = _get(Dialog.class, spec -> spec.withId("notices-dialog"));
        assertThat(list.getElement().getTextRecursively())
                .contains("Your link was taken down", "Notice me in the header", "Violence");
        assertThat(count.isVisible()).isFalse();
        _click(_find(Button.class, spec -> spec.withText("Ask for a review")).getFirst());

        TextArea explanation = _get(TextArea.class, spec -> spec.withId("review-explanation"));
        _click(_get(Button.class, spec -> spec.withId("review-send")));
        assertThat(explanation.isInvalid()).isTrue();
        explanation.setValue("A news report, quoted for a class.");
        _click(_get(Button.class, spec -> spec.withId("review-send")));
        assertThat(_find(Dialog.class, spec -> spec.withId("review-request-dialog"))).isEmpty();

        logout();
        login("mod");
        UI.getCurrent().navigate(ModerationView.class);
        _get(Checkbox.class, spec -> spec.withId("filter-review-requests")).setValue(true);
        _get(TextField.class, spec -> spec.withId("filter-search")).setValue(link.path());
        @SuppressWarnings("unchecked")
        Grid<ModerationRow> grid = _get(Grid.class, spec -> spec.withId("moderation-grid"));
        assertThat(GridKt._findAll(grid)).singleElement().satisfies(row -> assertThat(row.reviewRequested()).isTrue());
        GridKt._clickItem(grid, 0);
        assertThat(_get(Button.class, spec -> spec.withId("review-reinstate")).isEnabled()).isFalse();
        assertThat(_get(Paragraph.class, spec -> spec.withId("review-own-takedown")).getText())
                .isEqualTo(ModerationService.OWN_TAKEDOWN_MESSAGE);

        logout();
        login("admin");
        UI.getCurrent().navigate(ModerationView.class);
        _get(Checkbox.class, spec -> spec.withId("filter-review-requests")).setValue(true);
        _get(TextField.class, spec -> spec.withId("filter-search")).setValue(link.path());
        @SuppressWarnings("unchecked")
        Grid<ModerationRow> adminGrid = _get(Grid.class, spec -> spec.withId("moderation-grid"));
        GridKt._clickItem(adminGrid, 0);
        assertThat(_get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class,
                spec -> spec.withId("detail-reviews")).getElement().getTextRecursively())
                .contains("A news report, quoted for a class.");
        _click(_get(Button.class, spec -> spec.withId("review-reinstate")));
        _get(TextArea.class, spec -> spec.withId("note")).setValue("Quoted news: fine.");
        _click(_get(Button.class, spec -> spec.withId("note-confirm")));

        assertThat(jdbc.queryForObject("select status from share_link where id = ?", String.class, link.shareId()))
                .isEqualTo("ACTIVE");
        logout();
        login("alice");
        UI.getCurrent().navigate("");
        _click(_get(Button.class, spec -> spec.withId("notices")));
        assertThat(_get(Dialog.class, spec -> spec.withId("notices-dialog")).getElement().getTextRecursively())
                .contains("Review decided: your link is back", "Quoted news: fine.");
    }
}
