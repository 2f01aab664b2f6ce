package com.chatshare.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.ratelimit.CounterKey;
import com.chatshare.ratelimit.RateLimit;
import com.chatshare.ratelimit.SecondNode;
import com.chatshare.ratelimit.SharedCounters;
import com.chatshare.conversations.internal.FakeOpenAi;
import com.chatshare.conversations.internal.SwitchableAssistant;
import com.chatshare.security.CurrentUser;
import com.chatshare.sharing.ShareException;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.ShareRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Limits on what one account can make the server hold or do, each with a clear message; the rate
 * limits are counted by every node together.
 */
@IntegrationTest
class LimitsTest {

    static final AtomicInteger users = new AtomicInteger();

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    SwitchableAssistant assistant;

    @Autowired
    AssistantProperties assistantProperties;

    @Autowired
    SharedCounters counters;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    SecondNode secondNode;

    @AfterEach
    void reset() {
        assistant.useDemo();
        SignedIn.signOut();
    }

    private void newUser() {
        String name = "limits-" + users.incrementAndGet();
        accounts.register(new Registration(name, "Limits", "long-enough-password"));
        SignedIn.as(userDetails, name);
    }

    @Test
    void a_chat_holds_at_most_two_thousand_messages() {
        newUser();
        List<ChatTurn> turns = new ArrayList<>(Collections.nCopies(ChatMessage.MAX_PER_CONVERSATION - 1,
                new ChatTurn(MessageRole.USER, "again")));
        ConversationSummary full = conversations.createConversation("Full", turns);

        assertThatThrownBy(() -> conversations.postUserMessage(full.id(), "one more"))
                .isInstanceOf(InvalidChatInputException.class)
                .hasMessage(ConversationService.FULL_CONVERSATION_MESSAGE);
        assertThat(conversations.findMessages(full.id())).hasSize(ChatMessage.MAX_PER_CONVERSATION - 1);
    }

    @Test
    void a_runaway_answer_ends_marked_incomplete_with_what_arrived() throws IOException {
        newUser();
        try (MockWebServer server = new MockWebServer()) {
            String piece = "x".repeat(50_000);
            server.enqueue(FakeOpenAi.stream(Collections.nCopies(10, piece).toArray(String[]::new)));
            assistant.useEndpoint(server.url("/v1").toString(), "runaway", Duration.ofSeconds(5));
            ConversationSummary chat = conversations.startConversation("Talk forever");

            ReplyStream reply = conversations.streamReply(chat.id());
            assertThatThrownBy(() -> reply.tokens().blockLast(Duration.ofSeconds(30)))
                    .isInstanceOf(AssistantUnavailableException.class)
                    .hasMessage(ConversationService.ANSWER_TOO_LONG_MESSAGE);

            ChatMessage stored = conversations.findMessages(chat.id()).getLast();
            assertThat(stored.status()).isEqualTo(MessageStatus.FAILED);
            assertThat(stored.content()).hasSize(ChatMessage.MAX_ANSWER_LENGTH);
        }
    }

    @Test
    void a_snapshot_holds_at_most_four_megabytes() {
        newUser();
        String big = "y".repeat(ChatMessage.MAX_LENGTH);
        int count = (int) (ShareService.MAX_SNAPSHOT_BYTES / big.length()) + 2;
        ConversationSummary chat = conversations.createConversation("Huge", Collections.nCopies(count,
                new ChatTurn(MessageRole.USER, big)));

        assertThatThrownBy(() -> shares.share(ShareRequest.of(chat.id(), "Huge", ShareVisibility.ANONYMOUS)))
                .isInstanceOf(ShareException.class).hasMessageContaining("too large to share");
        assertThat(shares.findShare(chat.id())).isEmpty();
    }

    @Test
    void one_account_gets_an_allowance_of_its_own() {
        RateLimit limit = counters.limit("limits test", 3, Duration.ofMinutes(1));
        String one = "account-" + UUID.randomUUID();
        String two = "account-" + UUID.randomUUID();

        assertThat(List.of(limit.tryAcquire(one), limit.tryAcquire(one), limit.tryAcquire(one), limit.tryAcquire(one)))
                .containsExactly(true, true, true, false);
        assertThat(limit.tryAcquire(two)).isTrue();
    }

    @Test
    void answers_asked_for_on_another_node_count_against_the_same_allowance() {
        newUser();
        ConversationSummary chat = conversations.startConversation("Many questions");
        CounterKey replies = new CounterKey(ConversationService.REPLIES_BY_ACCOUNT,
                Long.toString(currentUser.requireUserId()), Duration.ofMinutes(1));
        int limit = assistantProperties.answersPerMinute().orElseThrow();
        secondNode.count(replies, limit);

        assertThatThrownBy(() -> conversations.streamReply(chat.id()))
                .isInstanceOf(AnswersLimitedException.class)
                .hasMessageStartingWith("You asked for " + limit + " answers in the last minute")
                .satisfies(e -> assertThat(((AnswersLimitedException) e).retryAfter())
                        .isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
    }
}
