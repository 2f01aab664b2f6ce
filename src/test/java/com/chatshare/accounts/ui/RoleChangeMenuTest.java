package com.chatshare.accounts.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.KaribuTest;
import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.AccountSummary;
import com.chatshare.accounts.Registration;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The open UI of a demoted moderator. Karibu runs no filter chain, so signing in again with the
 * account's current roles stands for what the security filter does on the next request.
 */
class RoleChangeMenuTest extends KaribuTest {

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Test
    void a_demoted_moderator_can_no_longer_open_the_moderation_views_from_an_open_ui() {
        AccountSummary moderator = moderatorWithOpenUi("view-mod");

        demote(moderator);

        assertThatThrownBy(() -> UI.getCurrent().navigate("moderation")).hasMessageContaining("Access is denied");
        assertThatThrownBy(() -> UI.getCurrent().navigate("moderation/audit")).hasMessageContaining("Access is denied");
    }

    @Test
    void a_demoted_moderator_is_no_longer_offered_moderation_in_the_menu_after_navigating() {
        AccountSummary moderator = moderatorWithOpenUi("menu-mod");

        demote(moderator);
        UI.getCurrent().navigate("settings/data-controls");

        assertThat(navLabels()).doesNotContain("Moderation", "Audit log");
    }

    private AccountSummary moderatorWithOpenUi(String username) {
        AccountSummary moderator = accounts.register(new Registration(username, "Mona", "long-enough-password"));
        SignedIn.as(users, "admin");
        accounts.setModerator(moderator.id(), true);
        login(username);
        UI.getCurrent().navigate("");
        assertThat(navLabels()).contains("Moderation", "Audit log");
        return moderator;
    }

    /** An admin revokes the role; the user's next request carries the account's current roles. */
    private void demote(AccountSummary moderator) {
        SignedIn.as(users, "admin");
        accounts.setModerator(moderator.id(), false);
        login(moderator.username());
    }

    private static List<String> navLabels() {
        return _get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream()
                .map(SideNavItem::getLabel).toList();
    }
}
