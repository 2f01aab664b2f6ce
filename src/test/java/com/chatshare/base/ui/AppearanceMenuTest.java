package com.chatshare.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.KaribuTest;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.base.Appearance;
import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.page.ColorScheme;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** User menu → Appearance: System follows the browser, Light and Dark stay with the account. */
class AppearanceMenuTest extends KaribuTest {

    private static final AtomicInteger counter = new AtomicInteger();

    @Autowired
    AccountService accounts;

    String user;

    @BeforeEach
    void freshUser() {
        user = "iris-" + counter.incrementAndGet();
        accounts.register(new Registration(user, "Iris", "long-enough-password"));
    }

    @Test
    void a_new_account_follows_the_system_setting() {
        signInAndOpenTheChats(user);

        assertThat(UI.getCurrent().getPage().getColorScheme()).isEqualTo(ColorScheme.Value.LIGHT_DARK);
        assertThat(ticked()).containsExactly("System");
    }

    @Test
    void dark_chosen_in_the_user_menu_applies_at_once_and_on_the_next_visit() {
        signInAndOpenTheChats(user);

        choose("Dark");

        assertThat(UI.getCurrent().getPage().getColorScheme()).isEqualTo(ColorScheme.Value.DARK);
        assertThat(ticked()).containsExactly("Dark");

        newSession();
        signInAndOpenTheChats(user);

        assertThat(UI.getCurrent().getPage().getColorScheme()).isEqualTo(ColorScheme.Value.DARK);
        assertThat(ticked()).containsExactly("Dark");
    }

    @Test
    void light_then_system_again_is_what_the_next_visit_gets() {
        signInAndOpenTheChats(user);
        choose("Light");
        assertThat(UI.getCurrent().getPage().getColorScheme()).isEqualTo(ColorScheme.Value.LIGHT);

        choose("System");

        newSession();
        signInAndOpenTheChats(user);
        assertThat(UI.getCurrent().getPage().getColorScheme()).isEqualTo(ColorScheme.Value.LIGHT_DARK);
        assertThat(ticked()).containsExactly("System");
    }

    @Test
    void choosing_the_ticked_one_again_keeps_it_ticked() {
        signInAndOpenTheChats(user);
        choose("Dark");

        choose("Dark");

        assertThat(ticked()).containsExactly("Dark");
        assertThat(UI.getCurrent().getPage().getColorScheme()).isEqualTo(ColorScheme.Value.DARK);
    }

    @Test
    void each_person_has_their_own() {
        signInAndOpenTheChats(user);
        choose("Dark");

        String other = "iris-" + counter.incrementAndGet();
        accounts.register(new Registration(other, "Other Iris", "long-enough-password"));
        newSession();
        signInAndOpenTheChats(other);

        assertThat(UI.getCurrent().getPage().getColorScheme()).isEqualTo(ColorScheme.Value.LIGHT_DARK);
        assertThat(ticked()).containsExactly("System");
    }

    @Test
    void nobody_signed_out_can_keep_an_appearance() {
        assertThatThrownBy(() -> accounts.setAppearance(Appearance.DARK))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> accounts.appearance()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    private void signInAndOpenTheChats(String username) {
        login(username);
        UI.getCurrent().navigate("");
    }

    private static void choose(String caption) {
        ContextMenuKt._clickItemWithCaption(_get(MenuBar.class, spec -> spec.withId("user-menu")), caption);
    }

    private static List<String> ticked() {
        MenuItem appearance = _get(MenuBar.class, spec -> spec.withId("user-menu")).getItems().getFirst()
                .getSubMenu().getItems().stream().filter(item -> "appearance-menu".equals(item.getId().orElse(null)))
                .findFirst().orElseThrow();
        return appearance.getSubMenu().getItems().stream().filter(MenuItem::isChecked)
                .map(item -> item.getElement().getTextRecursively()).toList();
    }
}
