package com.chatshare.sharing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.KaribuTest;
import com.chatshare.SignedIn;
import com.chatshare.base.ui.NotFoundView;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageRole;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSettings;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.ShareRequest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The signed-in page of a link for specific people: the listed user reads it, everyone else gets not-found. */
class SharedChatViewTest extends KaribuTest {

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    UserDetailsService users;

    private ShareDetails shareWithBob() {
        SignedIn.as(users, "alice");
        ConversationSummary conversation = conversations.importConversation("For Bob " + System.nanoTime(), List.of(
                new ChatTurn(MessageRole.USER, "Is **this** for Bob?"),
                new ChatTurn(MessageRole.ASSISTANT, "Only for Bob.")));
        ShareDetails details = shares.share(
                ShareRequest.of(conversation.id(), conversation.title(), ShareVisibility.NAMED)
                .withSettings(new ShareSettings(ShareAudience.PEOPLE, List.of("bob"), null)));
        SignedIn.signOut();
        return details;
    }

    /** What navigating to a path ends in: the not-found page's text, or that another view was shown. */
    private static String notFoundPageAt(String path) {
        UI.getCurrent().navigate(path);
        return _find(NotFoundView.class).stream().map(page -> page.getElement().getTextRecursively()).findFirst()
                .orElse("another view was shown");
    }

    @Test
    void a_listed_user_reads_the_snapshot_on_the_signed_in_page() {
        ShareDetails details = shareWithBob();
        login("bob");

        UI.getCurrent().navigate(details.path().substring(1));

        assertThat(_get(H2.class, spec -> spec.withId("shared-chat-title")).getText()).startsWith("For Bob");
        assertThat(_get(Div.class, spec -> spec.withId("shared-chat-messages")).getElement().getChild(0)
                .getOuterHTML()).contains("<p class=\"verbatim\">Is **this** for Bob?</p>").doesNotContain("<script");
        assertThat(_get(SharedChatView.class).getElement().getTextRecursively()).contains("Shared by Alice Example");
    }

    @Test
    void someone_not_listed_gets_the_answer_of_an_unknown_link() {
        ShareDetails details = shareWithBob();
        login("mod");

        String token = details.path().substring("/share/".length(), "/share/".length() + 22);
        String notListed = notFoundPageAt(details.path().substring(1)).replace(token, "TOKEN");
        String unknown = notFoundPageAt("share/AAAAAAAAAAAAAAAAAAAAAA/view").replace("AAAAAAAAAAAAAAAAAAAAAA", "TOKEN");

        assertThat(notListed).contains(SharedChatView.NOT_AVAILABLE).isEqualTo(unknown);
    }
}
