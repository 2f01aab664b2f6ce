package com.chatshare.datacontrols.ui;

import com.vaadin.flow.component.menubar.MenuBar;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.KaribuTest;
import com.chatshare.SignedIn;
import com.chatshare.TestClock;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.ConversationService;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareQuery;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSummary;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.chatshare.sharing.OwnLinksService;
import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The links grid's audience and expiry: columns, filters, "Change selected" and Renew, as the owner clicks them. */
class SharedLinksAccessTest extends KaribuTest {

    private static final AtomicInteger counter = new AtomicInteger();

    @Autowired
    ShareService shares;

    @Autowired
    OwnLinksService ownLinks;

    @Autowired
    ConversationService conversations;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    TestClock clock;

    String user;

    @BeforeEach
    void aUserWithTwoLinks() {
        user = "gina-" + counter.incrementAndGet();
        accounts.register(new Registration(user, "Gina", "long-enough-password"));
        SharingFixtures.share(shares, conversations, users, user, "Apple pie", ShareVisibility.ANONYMOUS);
        SharingFixtures.share(shares, conversations, users, user, "Banana bread", ShareVisibility.ANONYMOUS);
        SignedIn.signOut();
        login(user);
        UI.getCurrent().navigate(DataControlsView.class);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Data controls → Manage: the shared links page, read afresh. */
    private static Grid<ShareSummary> manage() {
        UI.getCurrent().navigate("settings/data-controls");
        _click(_get(Button.class, spec -> spec.withId("manage-links")));
        @SuppressWarnings("unchecked")
        Grid<ShareSummary> grid = _get(Grid.class, spec -> spec.withId("links-grid"));
        return grid;
    }

    private static List<String> column(Grid<ShareSummary> grid, String key) {
        return GridKt._findAll(grid).stream()
                .map(row -> GridKt._getFormatted(grid, GridKt._findAll(grid).indexOf(row), key)).toList();
    }

    private static List<String> titles(Grid<ShareSummary> grid) {
        return GridKt._findAll(grid).stream().map(ShareSummary::title).toList();
    }

    private static void changeSelected(String caption) {
        ContextMenuKt._clickItemWithCaption(_get(com.vaadin.flow.component.menubar.MenuBar.class,
                spec -> spec.withId("change-selected")), caption);
    }

    @Test
    void the_grid_shows_who_can_open_each_link_and_when_it_expires() {
        Grid<ShareSummary> grid = manage();

        assertThat(column(grid, "audience")).containsExactly("Anyone", "Anyone");
        assertThat(column(grid, "expires")).containsExactly("Never", "Never");
    }

    @Test
    void selected_links_become_signed_in_only_and_expire_in_seven_days_and_the_filters_find_them() {
        Grid<ShareSummary> grid = manage();
        GridKt._findAll(grid).stream().filter(s -> s.title().equals("Apple pie")).forEach(grid::select);

        changeSelected("Make selected signed-in only");
        assertThat(column(grid, "audience")).containsExactly("Anyone", "Signed-in users");
        GridKt._findAll(grid).forEach(grid::select);
        changeSelected("Expire selected in 7 days");

        assertThat(column(grid, "expires")).doesNotContain("Never");
        assertThat(GridKt._findAll(grid)).extracting(ShareSummary::path)
                .anyMatch(path -> path.endsWith("/view")).anyMatch(path -> !path.endsWith("/view"));

        @SuppressWarnings("unchecked")
        Select<ShareAudience> audience = _get(Select.class, spec -> spec.withId("links-audience-filter"));
        audience.setValue(ShareAudience.SIGNED_IN);
        assertThat(titles(grid)).containsExactly("Apple pie");
        audience.clear();
        @SuppressWarnings("unchecked")
        Select<ShareQuery.ExpiryFilter> expiry = _get(Select.class, spec -> spec.withId("links-expiry-filter"));
        expiry.setValue(ShareQuery.ExpiryFilter.NEVER);
        assertThat(titles(grid)).isEmpty();
        expiry.setValue(ShareQuery.ExpiryFilter.EXPIRING);
        assertThat(titles(grid)).containsExactly("Banana bread", "Apple pie");
    }

    @Test
    void an_expired_link_shows_expired_and_renew_brings_it_back() {
        Grid<ShareSummary> grid = manage();
        GridKt._findAll(grid).stream().filter(s -> s.title().equals("Apple pie")).forEach(grid::select);
        changeSelected("Expire selected in 1 day");
        clock.advance(Duration.ofDays(2));
        grid = manage();

        int row = titles(grid).indexOf("Apple pie");
        assertThat(((Span) GridKt._getCellComponent(grid, row, "status")).getText()).isEqualTo("Expired");
        Component actions = GridKt._getCellComponent(grid, row, "actions");
        ContextMenuKt._clickItemWithCaption((MenuBar) actions, "Renew…");
        _click(_get(Button.class, spec -> spec.withId("renew-confirm")));

        row = titles(grid).indexOf("Apple pie");
        assertThat(((Span) GridKt._getCellComponent(grid, row, "status")).getText()).isEqualTo("Active");
        SignedIn.as(users, user);
        assertThat(ownLinks.findOwnLinks(ShareQuery.newestFirst(), 0, 10)).noneMatch(ShareSummary::expired);
    }
}
