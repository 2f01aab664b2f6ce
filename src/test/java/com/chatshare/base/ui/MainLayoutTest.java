package com.chatshare.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.KaribuTest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.TestingLifecycleHookKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.ArrayList;
import java.util.List;
import kotlin.Unit;
import kotlin.jvm.functions.Function1;
import org.junit.jupiter.api.Test;

class MainLayoutTest extends KaribuTest {

    @Test
    void signed_in_user_sees_the_main_layout_with_their_name() {
        login("alice");
        UI.getCurrent().navigate("");

        assertThat(_get(H2.class, spec -> spec.withId("welcome")).getText()).isEqualTo("Welcome, Alice Example");
        assertThat(_get(SideNav.class, spec -> spec.withId("main-nav"))).isNotNull();
        assertThat(_get(MenuBar.class, spec -> spec.withId("user-menu")).getItems().getFirst().getElement().getTextRecursively())
                .contains("Alice Example");
    }

    @Test
    void plain_user_does_not_see_admin_navigation() {
        login("alice");
        UI.getCurrent().navigate("");

        assertThat(navLabels()).contains("Chats").doesNotContain("Users");
    }

    @Test
    void admin_sees_admin_navigation() {
        login("admin");
        UI.getCurrent().navigate("");

        assertThat(navLabels()).contains("Chats", "Users");
    }

    @Test
    void anonymous_visitor_is_sent_to_login() {
        // The sign-in page is no view (security/web): the browser is sent to its address, by
        // JavaScript that Karibu hands to these handlers at the end of a round trip.
        List<String> sent = new ArrayList<>();
        Function1<PendingJavaScriptInvocation, Unit> record = invocation -> {
            invocation.getInvocation().getParameters().forEach(parameter -> sent.add(String.valueOf(parameter)));
            return Unit.INSTANCE;
        };
        TestingLifecycleHookKt.getPendingJavascriptInvocationHandlers().add(record);
        try {
            UI.getCurrent().navigate("");
            MockVaadin.clientRoundtrip(TestingLifecycleHookKt.getDefaultIsFromClient());
        } finally {
            TestingLifecycleHookKt.getPendingJavascriptInvocationHandlers().remove(record);
        }

        _assertNone(H2.class, spec -> spec.withId("welcome"));
        assertThat(sent).contains("/login");
    }

    @Test
    void plain_user_cannot_open_the_users_view() {
        login("bob");

        assertThatThrownBy(() -> UI.getCurrent().navigate("admin/users"))
                .hasMessageContaining("Access is denied");
        _assertNone(com.vaadin.flow.component.grid.Grid.class);
    }

    @Test
    void moderator_cannot_open_the_users_view() {
        login("mod");

        assertThatThrownBy(() -> UI.getCurrent().navigate("admin/users"))
                .hasMessageContaining("Access is denied");
        _assertNone(com.vaadin.flow.component.grid.Grid.class);
    }

    @Test
    void admin_opens_the_users_view_with_the_demo_accounts() {
        login("admin");
        UI.getCurrent().navigate("admin/users");

        @SuppressWarnings("unchecked")
        var grid = (com.vaadin.flow.component.grid.Grid<com.chatshare.accounts.AccountSummary>)
                _get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("users-grid"));
        List<String> usernames = com.github.mvysny.kaributesting.v10.GridKt._findAll(grid).stream()
                .map(com.chatshare.accounts.AccountSummary::username).toList();
        assertThat(usernames).contains("alice", "bob", "mod", "admin");
    }

    private static List<String> navLabels() {
        return _get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream()
                .map(SideNavItem::getLabel).toList();
    }
}
