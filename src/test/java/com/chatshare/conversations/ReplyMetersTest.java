package com.chatshare.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.conversations.internal.SwitchableAssistant;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Every assistant answer is timed once, under how it ended. */
@IntegrationTest
class ReplyMetersTest {

    @Autowired
    ConversationService conversations;

    @Autowired
    UserDetailsService users;

    @Autowired
    SwitchableAssistant assistant;

    @Autowired
    MeterRegistry registry;

    @AfterEach
    void reset() {
        assistant.useDemo();
        SignedIn.signOut();
    }

    @Test
    void a_complete_answer_and_a_stopped_one_are_timed_under_their_outcome() {
        SignedIn.as(users, "bob");
        long complete = replies("complete").count();
        long stopped = replies("stopped").count();
        long failed = replies("failed").count();

        ConversationSummary chat = conversations.startConversation("Time this answer");
        conversations.streamReply(chat.id()).tokens().blockLast(Duration.ofSeconds(10));
        conversations.postUserMessage(chat.id(), "And stop this one");
        conversations.streamReply(chat.id()).tokens().take(2).blockLast(Duration.ofSeconds(10));

        assertThat(replies("complete").count()).isEqualTo(complete + 1);
        assertThat(replies("stopped").count()).isEqualTo(stopped + 1);
        assertThat(replies("failed").count()).isEqualTo(failed);
        assertThat(replies("complete").totalTime(TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void a_failed_answer_is_timed_as_failed() throws Exception {
        SignedIn.as(users, "bob");
        long failed = replies("failed").count();
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setResponseCode(500).setBody("{\"error\":{\"message\":\"boom\"}}"));
            assistant.useEndpoint(server.url("/v1").toString(), "broken", Duration.ofSeconds(5));
            ConversationSummary chat = conversations.startConversation("Meet a broken server");

            assertThatThrownBy(() -> conversations.streamReply(chat.id()).tokens().blockLast(Duration.ofSeconds(30)))
                    .isInstanceOf(AssistantUnavailableException.class);
        }

        assertThat(replies("failed").count()).isEqualTo(failed + 1);
    }

    private Timer replies(String outcome) {
        return registry.get("chatshare.assistant.replies").tag("outcome", outcome).timer();
    }
}
