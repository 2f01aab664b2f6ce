package com.chatshare.sharingpolicy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.KaribuTest;
import com.chatshare.SignedIn;
import com.chatshare.UserInput;
import com.chatshare.audit.AuditAction;
import com.chatshare.audit.AuditEntry;
import com.chatshare.audit.AuditFilter;
import com.chatshare.audit.AuditLog;
import com.chatshare.sharing.PolicyFixtures;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.SharingPolicy;
import com.chatshare.sharingpolicy.SharingPolicyService;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The admins' sharing-policy view, used as an admin uses it. Only changes that leave existing
 * links as they are are saved here (this context is shared with the other tests); what a change
 * does to existing links is {@code SharingPolicyTest}'s, in a context of its own.
 */
class SharingPolicyViewTest extends KaribuTest {

    @Autowired
    SharingPolicyService policies;

    @Autowired
    AuditLog auditLog;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetPolicy() {
        SignedIn.signOut();
        PolicyFixtures.reset(jdbc);
    }

    private static Checkbox allowPublic() {
        return _get(Checkbox.class, spec -> spec.withId("policy-allow-public"));
    }

    @SuppressWarnings("unchecked")
    private static Select<ShareAudience> defaultAudience() {
        return _get(Select.class, spec -> spec.withId("policy-default-audience"));
    }

    @SuppressWarnings("unchecked")
    private static Select<Duration> maxExpiry() {
        return _get(Select.class, spec -> spec.withId("policy-max-expiry"));
    }

    private static Checkbox requireExpiry() {
        return _get(Checkbox.class, spec -> spec.withId("policy-require-expiry"));
    }

    private static void save() {
        _click(_get(Button.class, spec -> spec.withId("policy-save")));
    }

    private void openAsAdmin() {
        login("admin");
        UI.getCurrent().navigate("admin/sharing-policy");
    }

    /** Runs a service call as the admin, and gives the UI's sign-in back after. */
    private <T> T asAdmin(java.util.function.Supplier<T> call) {
        SecurityContext ui = SecurityContextHolder.getContext();
        SignedIn.as(users, "admin");
        try {
            return call.get();
        } finally {
            SecurityContextHolder.setContext(ui);
        }
    }

    private SharingPolicyService.Current stored() {
        return asAdmin(policies::current);
    }

    private static List<String> navLabels() {
        return _get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream()
                .map(SideNavItem::getLabel).toList();
    }

    @Test
    void a_user_cannot_open_the_view_nor_see_it_in_the_menu() {
        login("alice");
        UI.getCurrent().navigate("");
        assertThat(navLabels()).doesNotContain("Sharing policy");
        assertThatThrownBy(() -> UI.getCurrent().navigate("admin/sharing-policy"))
                .hasMessageContaining("Access is denied");
    }

    @Test
    void a_moderator_cannot_open_the_view_nor_see_it_in_the_menu() {
        login("mod");
        UI.getCurrent().navigate("moderation");
        assertThat(navLabels()).contains("Moderation").doesNotContain("Sharing policy");
        assertThatThrownBy(() -> UI.getCurrent().navigate("admin/sharing-policy"))
                .hasMessageContaining("Access is denied");
    }

    @Test
    void an_admin_finds_it_in_the_menu() {
        openAsAdmin();
        assertThat(navLabels()).contains("Users", "Sharing policy");
    }

    @Test
    void an_admin_saves_a_default_audience_and_a_required_expiry_and_the_log_says_so() {
        openAsAdmin();
        assertThat(allowPublic().getValue()).isTrue();
        assertThat(defaultAudience().getValue()).isEqualTo(ShareAudience.ANYONE);
        assertThat(maxExpiry().getValue()).as("no cap configured").isNull();
        assertThat(_get(Paragraph.class, spec -> spec.withId("policy-last-change")).getText())
                .startsWith("Not saved here yet");

        defaultAudience().setValue(ShareAudience.SIGNED_IN);
        requireExpiry().setValue(true);
        save();

        NotificationsKt.expectNotifications("Sharing policy saved.");
        assertThat(stored().policy()).isEqualTo(new SharingPolicy(true, ShareAudience.SIGNED_IN, null, true));
        assertThat(_get(Paragraph.class, spec -> spec.withId("policy-last-change")).getText())
                .startsWith("Last saved").endsWith("by admin.");
        List<AuditEntry> entries = asAdmin(() -> auditLog.find(
                AuditFilter.all().withAction(AuditAction.SHARING_POLICY_CHANGED), 0, 1));
        assertThat(entries.getFirst().actor()).isEqualTo("admin");
        assertThat(entries.getFirst().details()).contains("default audience: Anyone with the link → Signed-in users only",
                "expiry required: no → yes");
    }

    @Test
    void public_links_off_with_anyone_as_default_is_refused_on_the_field_and_the_choices_stay() {
        openAsAdmin();
        SharingPolicyService.Current before = stored();

        allowPublic().setValue(false);
        requireExpiry().setValue(true);
        save();

        assertThat(_find(ConfirmDialog.class)).as("refused anyway: nothing to confirm").isEmpty();
        assertThat(defaultAudience().isInvalid()).isTrue();
        assertThat(defaultAudience().getErrorMessage()).isEqualTo(SharingPolicyService.DEFAULT_NOT_ALLOWED);
        assertThat(allowPublic().getValue()).isFalse();
        assertThat(requireExpiry().getValue()).isTrue();
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void turning_public_links_off_or_shortening_expiries_asks_first_and_cancel_saves_nothing() {
        openAsAdmin();
        SharingPolicyService.Current before = stored();

        allowPublic().setValue(false);
        defaultAudience().setValue(ShareAudience.SIGNED_IN);
        maxExpiry().setValue(Duration.ofDays(7));
        save();

        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("policy-confirm"));
        assertThat(ConfirmDialogKt._getText(confirm)).contains("Every public link becomes signed-in only now")
                .contains("now expire 7 days from now").contains("Their owners get a notice.");
        ConfirmDialogKt._fireCancel(confirm);

        assertThat(stored()).isEqualTo(before);
        assertThat(allowPublic().getValue()).isFalse();
        assertThat(defaultAudience().getValue()).isEqualTo(ShareAudience.SIGNED_IN);
        assertThat(maxExpiry().getValue()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void forbidding_preview_cards_asks_first_without_promising_a_notice_and_cancel_saves_nothing() {
        openAsAdmin();
        SharingPolicyService.Current before = stored();
        Checkbox cards = _get(Checkbox.class, spec -> spec.withId("policy-preview-cards"));
        assertThat(cards.getValue()).as("allowed by default").isTrue();

        UserInput.enter(cards, false);
        save();

        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("policy-confirm"));
        assertThat(ConfirmDialogKt._getText(confirm)).isEqualTo(SharingPolicyView.CARDS_GO);
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(stored()).isEqualTo(before);
        assertThat(cards.getValue()).isFalse();
    }

    @Test
    void a_save_after_another_admins_save_is_refused_and_the_form_keeps_its_choices() {
        openAsAdmin();
        // Another admin, in another tab, saves first.
        asAdmin(() -> policies.change(policies.current().version(), SharingPolicy.OPEN.withRequireExpiry(true)));

        defaultAudience().setValue(ShareAudience.SIGNED_IN);
        save();

        Paragraph error = _get(Paragraph.class, spec -> spec.withId("policy-error"));
        assertThat(error.getText()).isEqualTo(SharingPolicyService.CHANGED_MEANWHILE);
        assertThat(defaultAudience().getValue()).isEqualTo(ShareAudience.SIGNED_IN);
        assertThat(requireExpiry().getValue()).as("as this form had it").isFalse();
        assertThat(stored().policy()).isEqualTo(SharingPolicy.OPEN.withRequireExpiry(true));
    }
}
