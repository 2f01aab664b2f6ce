package com.chatshare.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import org.junit.jupiter.api.Test;

/**
 * Our not-found page, instead of Vaadin's bare one that names the address (and lists every route
 * in development). An unknown address, which Karibu cannot reach signed in, is in
 * AccessibilityBrowserIT.
 */
class NotFoundViewTest extends KaribuTest {

    @Test
    void a_view_that_finds_nothing_shows_its_own_sentence_a_way_back_and_a_title_but_not_the_address() {
        login("alice");
        UI.getCurrent().navigate("chat/987654321");

        NotFoundView page = _get(NotFoundView.class);
        assertThat(_get(H1.class, spec -> spec.withText("Page not found"))).isNotNull();
        assertThat(page.getElement().getTextRecursively())
                .contains("This conversation does not exist.")
                .doesNotContain("987654321", "Could not navigate", "route", NotFoundView.GENERAL);
        assertThat(_get(Anchor.class, spec -> spec.withText("Back to your chats")).getHref()).isEmpty();
        assertThat(page.getPageTitle()).isEqualTo("Page not found · Chatshare");
        // In the app's frame: the header, the user menu and the navigation are where they always are.
        assertThat(page.getParent()).containsInstanceOf(MainLayout.class);
        assertThat(_get(MainLayout.class).getElement().getTextRecursively()).contains("Chatshare", "Chats", "Data controls");
    }
}
