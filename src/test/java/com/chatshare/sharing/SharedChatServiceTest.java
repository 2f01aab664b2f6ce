package com.chatshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.ratelimit.CounterKey;
import com.chatshare.ratelimit.SecondNode;
import com.chatshare.security.CurrentUser;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Continuing a shared chat: a copy of the recipient's own, refused for a link they may not open, limited per hour. */
@IntegrationTest
class SharedChatServiceTest {

    @Autowired
    ShareService shares;

    @Autowired
    SharedChatService sharedChats;

    @Autowired
    ConversationService conversations;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    SecondNode secondNode;

    @Value("${chatshare.sharing.continues-per-hour}")
    int continuesPerHour;

    private static final AtomicInteger recipients = new AtomicInteger();

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    @Test
    void continuing_twice_makes_two_independent_copies_of_the_recipients_own() {
        ShareDetails alices = SharingFixtures.share(shares, conversations, users, "alice", "continue me",
                ShareVisibility.ANONYMOUS);
        String token = SharingFixtures.token(alices);
        SignedIn.as(users, "bob");

        ConversationSummary first = sharedChats.continueConversation(token);
        ConversationSummary second = sharedChats.continueConversation(token);

        assertThat(first.id()).isNotEqualTo(second.id()).isNotEqualTo(alices.conversationId());
        assertThat(first.importedFromShare()).isTrue();
        assertThat(conversations.findMessages(first.id())).extracting(ChatMessage::content)
                .first().isEqualTo("continue me");
        conversations.postUserMessage(first.id(), "bob's follow-up");
        assertThat(conversations.findMessages(second.id())).extracting(ChatMessage::content)
                .doesNotContain("bob's follow-up");

        SignedIn.as(users, "alice");
        assertThat(conversations.findMessages(alices.conversationId())).extracting(ChatMessage::content)
                .doesNotContain("bob's follow-up");
        shares.deleteShare(alices.conversationId());

        SignedIn.as(users, "bob");
        assertThat(conversations.findMessages(first.id())).hasSize(3);
        assertThatThrownBy(() -> sharedChats.continueConversation(token)).isInstanceOf(ShareException.class);
    }

    @Test
    void a_taken_down_or_deleted_link_cannot_be_continued() {
        ShareDetails details = SharingFixtures.share(shares, conversations, users, "alice", "gone soon",
                ShareVisibility.ANONYMOUS);
        jdbc.update("update share_link set status = 'TAKEN_DOWN' where id = ?", details.shareId());
        SignedIn.as(users, "bob");

        assertThatThrownBy(() -> sharedChats.continueConversation(SharingFixtures.token(details)))
                .isInstanceOf(ShareException.class);
        assertThatThrownBy(() -> sharedChats.continueConversation("not a token"))
                .isInstanceOf(ShareException.class);
    }

    @Test
    void continues_on_another_node_count_against_the_same_allowance() {
        String token = SharingFixtures.token(SharingFixtures.share(shares, conversations, users, "alice",
                "continue me often", ShareVisibility.ANONYMOUS));
        String recipient = "continuer-" + recipients.incrementAndGet();
        accounts.register(new Registration(recipient, "Continuer", "long-enough-password"));
        SignedIn.as(users, recipient);
        CounterKey continues = new CounterKey(SharedChatService.CONTINUES_BY_ACCOUNT,
                Long.toString(currentUser.requireUserId()), Duration.ofHours(1));
        secondNode.count(continues, continuesPerHour - 1);

        assertThat(sharedChats.continueConversation(token).importedFromShare()).isTrue();
        assertThatThrownBy(() -> sharedChats.continueConversation(token))
                .isInstanceOf(ShareException.class)
                .hasMessage(SharedChatService.TOO_MANY_CONTINUES_MESSAGE);
    }
}
