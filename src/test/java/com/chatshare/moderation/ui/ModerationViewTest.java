package com.chatshare.moderation.ui;

import static com.chatshare.Addresses.address;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.KaribuTest;
import com.chatshare.SignedIn;
import com.chatshare.audit.ui.AuditLogView;
import com.chatshare.conversations.ConversationService;
import com.chatshare.moderation.ModerationRow;
import com.chatshare.moderation.ReportReason;
import com.chatshare.moderation.ReportService;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

class ModerationViewTest extends KaribuTest {

    @Autowired
    ShareService shares;

    @Autowired
    ConversationService conversations;

    @Autowired
    ReportService reports;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_plain_user_cannot_open_moderation_or_the_audit_log() {
        login("bob");

        assertThatThrownBy(() -> UI.getCurrent().navigate(ModerationView.class)).hasMessageContaining("Access is denied");
        assertThatThrownBy(() -> UI.getCurrent().navigate(AuditLogView.class)).hasMessageContaining("Access is denied");
    }

    @Test
    void a_moderator_finds_a_reported_link_by_its_url_and_takes_it_down_with_a_reason_and_note() {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "alice", "Suspicious offer",
                ShareVisibility.ANONYMOUS);
        SignedIn.signOut();
        reports.file(SharingFixtures.token(link), ReportReason.SPAM_OR_PHISHING, "scam", address("10.1.1.1"));
        login("mod");
        UI.getCurrent().navigate(ModerationView.class);

        _get(TextField.class, spec -> spec.withId("filter-search")).setValue("http://localhost:8080" + link.path());
        @SuppressWarnings("unchecked")
        Grid<ModerationRow> grid = _get(Grid.class, spec -> spec.withId("moderation-grid"));
        ModerationRow row = GridKt._findAll(grid).getFirst();
        assertThat(row.shareId()).isEqualTo(link.shareId());
        assertThat(row.openReports()).isEqualTo(1);

        GridKt._clickItem(grid, 0);
        assertThat(_get(H3.class, spec -> spec.withId("detail-title")).getText()).isEqualTo("Suspicious offer");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("detail-reports")).getElement().getTextRecursively())
                .contains("Spam or phishing", "scam");

        _click(_get(Button.class, spec -> spec.withId("take-down")));
        _click(_get(Button.class, spec -> spec.withId("take-down-confirm")));
        @SuppressWarnings("unchecked")
        Select<ReportReason> reason = _get(Select.class, spec -> spec.withId("take-down-reason"));
        assertThat(reason.isInvalid()).isTrue();
        reason.setValue(ReportReason.SPAM_OR_PHISHING);
        TextArea note = _get(TextArea.class, spec -> spec.withId("take-down-note"));
        _click(_get(Button.class, spec -> spec.withId("take-down-confirm")));
        assertThat(note.isInvalid()).isTrue();
        note.setValue("Phishing link in the answer");
        _click(_get(Button.class, spec -> spec.withId("take-down-confirm")));

        assertThat(jdbc.queryForObject("select status from share_link where id = ?", String.class, link.shareId()))
                .isEqualTo("TAKEN_DOWN");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("detail-history")).getElement().getTextRecursively())
                .contains("LINK_TAKEN_DOWN", "Phishing link in the answer", "mod");
    }

    @Test
    void a_search_that_finds_nothing_shows_the_empty_queue_and_clearing_it_brings_the_grid_back() {
        SharingFixtures.share(shares, conversations, users, "alice", "Harmless recipe", ShareVisibility.NAMED);
        SignedIn.signOut();
        login("mod");
        UI.getCurrent().navigate(ModerationView.class);
        assertThat(_find(Div.class, spec -> spec.withId("moderation-empty"))).isEmpty();

        TextField search = _get(TextField.class, spec -> spec.withId("filter-search"));
        search.setValue("zzqx nothing like this");

        assertThat(_get(Div.class, spec -> spec.withId("moderation-empty")).getElement().getTextRecursively())
                .contains("No shared link matches these filters");
        assertThat(_find(Grid.class, spec -> spec.withId("moderation-grid"))).isEmpty();

        search.clear();
        assertThat(_find(Div.class, spec -> spec.withId("moderation-empty"))).isEmpty();
        assertThat(_get(Grid.class, spec -> spec.withId("moderation-grid"))).isNotNull();
    }

    @Test
    void the_detail_opens_beside_the_queue_only_when_a_link_is_chosen_and_back_closes_it() {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "alice", "Detail pane check",
                ShareVisibility.NAMED);
        SignedIn.signOut();
        login("mod");
        UI.getCurrent().navigate(ModerationView.class);
        assertThat(_find(ModerationDetailPanel.class)).isEmpty();

        _get(TextField.class, spec -> spec.withId("filter-search")).setValue("Detail pane check");
        @SuppressWarnings("unchecked")
        Grid<ModerationRow> grid = _get(Grid.class, spec -> spec.withId("moderation-grid"));
        GridKt._clickItem(grid, 0);

        assertThat(_get(H3.class, spec -> spec.withId("detail-title")).getText()).isEqualTo("Detail pane check");
        assertThat(_get(ModerationView.class).getClassNames()).contains("showing-detail");
        assertThat(_get(Paragraph.class, spec -> spec.withId("detail-no-reports")).getText())
                .isEqualTo("Nobody has reported this link.");

        // Beside the detail the queue keeps only what fits without scrolling sideways, and marks the open row.
        assertThat(grid.getColumnByKey("owner").isVisible()).isFalse();
        assertThat(grid.getColumnByKey("views").isVisible()).isFalse();
        assertThat(grid.getPartNameGenerator().apply(GridKt._get(grid, 0))).isEqualTo("opened-row");

        _click(_get(Button.class, spec -> spec.withId("detail-back")));
        assertThat(_find(ModerationDetailPanel.class)).isEmpty();
        assertThat(_get(ModerationView.class).getClassNames()).doesNotContain("showing-detail");
        assertThat(grid.getColumnByKey("owner").isVisible()).isTrue();
        assertThat(grid.getPartNameGenerator().apply(GridKt._get(grid, 0))).isNull();

        // On a desktop the same panel closes with Close.
        GridKt._clickItem(grid, 0);
        _click(_get(Button.class, spec -> spec.withId("detail-close")));
        assertThat(_find(ModerationDetailPanel.class)).isEmpty();
        assertThat(link.shareId()).isPositive();
    }

    @Test
    void a_moderator_opens_the_audit_log() {
        login("mod");
        UI.getCurrent().navigate(AuditLogView.class);

        assertThat(_get(Grid.class, spec -> spec.withId("audit-grid"))).isNotNull();
    }

    @Test
    void an_audit_filter_that_matches_nothing_shows_the_empty_state_until_it_is_cleared() {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "alice", "Audited link",
                ShareVisibility.NAMED);
        SignedIn.signOut();
        reports.file(SharingFixtures.token(link), ReportReason.OTHER, "for the audit log", address("10.1.1.3"));
        login("mod");
        UI.getCurrent().navigate(AuditLogView.class);
        TextField target = _get(TextField.class, spec -> spec.withId("audit-target"));

        // No link has a negative id (AuditLogTest, on the same database, writes entries about share:0).
        target.setValue("share:-1");
        assertThat(_get(Div.class, spec -> spec.withId("audit-empty")).getElement().getTextRecursively())
                .contains("No entry matches these filters");
        assertThat(_find(Grid.class, spec -> spec.withId("audit-grid"))).isEmpty();

        target.setValue("share:" + link.shareId());
        assertThat(_find(Div.class, spec -> spec.withId("audit-empty"))).isEmpty();
        assertThat(_get(Grid.class, spec -> spec.withId("audit-grid"))).isNotNull();
    }
}
