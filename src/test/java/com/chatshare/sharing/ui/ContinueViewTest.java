package com.chatshare.sharing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.KaribuTest;
import com.chatshare.SignedIn;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageRole;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.chatshare.sharing.ShareRequest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

class ContinueViewTest extends KaribuTest {

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    UserDetailsService users;

    @Test
    void shows_the_title_as_text_and_continuing_opens_the_private_copy() {
        String title = "<img src=x onerror=alert(1)> Packing list " + System.nanoTime();
        SignedIn.as(users, "alice");
        ConversationSummary conversation = conversations.importConversation(title,
                List.of(new ChatTurn(MessageRole.USER, "What should I pack?")));
        ShareDetails share = shares.share(ShareRequest.of(conversation.id(), title, ShareVisibility.ANONYMOUS));
        SignedIn.signOut();

        login("bob");
        UI.getCurrent().navigate("share/" + SharingFixtures.token(share) + "/continue");

        H3 shownTitle = _get(H3.class, spec -> spec.withId("continue-title"));
        assertThat(shownTitle.getText()).isEqualTo(title);
        assertThat(shownTitle.getElement().getOuterHTML()).doesNotContain("<img");
        assertThat(_get(ContinueView.class).getElement().getTextRecursively())
                .contains("A private copy of its message goes into your chats");

        _click(_get(Button.class, spec -> spec.withId("continue-confirm")));

        String location = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        assertThat(location).startsWith("chat/");
        long copyId = Long.parseLong(location.substring("chat/".length()));
        assertThat(copyId).isNotEqualTo(conversation.id());
        SignedIn.as(users, "bob");
        assertThat(conversations.getConversation(copyId).title()).isEqualTo(title);
        assertThat(conversations.findMessages(copyId)).extracting(message -> message.content())
                .containsExactly("What should I pack?");
    }

    @Test
    void an_unknown_token_says_the_chat_is_not_available() {
        login("bob");
        UI.getCurrent().navigate("share/AAAAAAAAAAAAAAAAAAAAAA/continue");

        assertThat(_get(H2.class, spec -> spec.withId("continue-unavailable")).getText())
                .isEqualTo("This shared chat is not available");
    }
}
