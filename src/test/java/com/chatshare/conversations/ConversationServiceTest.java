package com.chatshare.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;

@IntegrationTest
class ConversationServiceTest {

    @Autowired
    ConversationService service;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    @Test
    void a_new_conversation_is_titled_from_its_first_message_cut_to_60_characters() {
        SignedIn.as(users, "alice");
        String question = "Please explain   the difference between\nprocesses and threads in operating systems, with examples";

        ConversationSummary conversation = service.startConversation(question);

        assertThat(conversation.title()).hasSize(60).endsWith("…")
                .startsWith("Please explain the difference between processes and threads");
        assertThat(service.findMessages(conversation.id())).singleElement()
                .satisfies(m -> assertThat(m.content()).isEqualTo(question));
    }

    @Test
    void the_demo_assistant_answer_is_stored_complete() {
        SignedIn.as(users, "alice");
        ConversationSummary conversation = service.startConversation("What is a Java record?");

        ReplyStream reply = service.streamReply(conversation.id());
        String streamed = String.join("", reply.tokens().collectList().block(Duration.ofSeconds(10)));

        List<ChatMessage> messages = service.findMessages(conversation.id());
        assertThat(messages).extracting(ChatMessage::role).containsExactly(MessageRole.USER, MessageRole.ASSISTANT);
        assertThat(messages.get(1).status()).isEqualTo(MessageStatus.COMPLETE);
        assertThat(messages.get(1).content()).isEqualTo(streamed).contains("```java");
    }

    @Test
    void stopping_keeps_what_arrived_and_marks_it_stopped() {
        SignedIn.as(users, "alice");
        ConversationSummary conversation = service.startConversation("Tell me about tea");

        ReplyStream reply = service.streamReply(conversation.id());
        List<String> firstPieces = reply.tokens().take(3).collectList().block(Duration.ofSeconds(10));

        ChatMessage answer = service.findMessages(conversation.id()).get(1);
        assertThat(answer.status()).isEqualTo(MessageStatus.STOPPED);
        assertThat(answer.content()).isEqualTo(String.join("", firstPieces)).isNotEmpty();
    }

    @Test
    void messages_over_32000_characters_and_empty_ones_are_refused() {
        SignedIn.as(users, "alice");
        ConversationSummary conversation = service.startConversation("limits");

        assertThatThrownBy(() -> service.postUserMessage(conversation.id(), "x".repeat(ChatMessage.MAX_LENGTH + 1)))
                .isInstanceOf(InvalidChatInputException.class)
                .hasMessageContaining("32,000");
        assertThatThrownBy(() -> service.postUserMessage(conversation.id(), "  \n "))
                .isInstanceOf(InvalidChatInputException.class);
        assertThatThrownBy(() -> service.startConversation(""))
                .isInstanceOf(InvalidChatInputException.class);
        service.postUserMessage(conversation.id(), "y".repeat(ChatMessage.MAX_LENGTH));
        assertThat(service.findMessages(conversation.id())).hasSize(2);
    }

    @Test
    void rename_accepts_200_characters_and_refuses_more_or_blank() {
        SignedIn.as(users, "alice");
        ConversationSummary conversation = service.startConversation("rename me");

        assertThat(service.rename(conversation.id(), "t".repeat(200)).title()).hasSize(200);
        assertThatThrownBy(() -> service.rename(conversation.id(), "t".repeat(201)))
                .isInstanceOf(InvalidChatInputException.class);
        assertThatThrownBy(() -> service.rename(conversation.id(), "   "))
                .isInstanceOf(InvalidChatInputException.class);
    }

    @Test
    void the_chat_list_is_newest_first_and_only_the_owners() {
        SignedIn.as(users, "bob");
        ConversationSummary bobs = service.startConversation("bob's secret plans");
        SignedIn.as(users, "alice");
        ConversationSummary older = service.startConversation("older");
        ConversationSummary newer = service.startConversation("newer");

        List<ConversationSummary> list = service.findConversations(PageRequest.of(0, 50)).getContent();

        assertThat(list).extracting(ConversationSummary::id).doesNotContain(bobs.id());
        List<Long> ids = list.stream().map(ConversationSummary::id).toList();
        assertThat(ids).contains(newer.id(), older.id());
        assertThat(ids.indexOf(newer.id())).isLessThan(ids.indexOf(older.id()));
    }

    @Test
    void another_users_conversation_is_refused_by_every_method_and_stays_unchanged() {
        SignedIn.as(users, "bob");
        ConversationSummary bobs = service.startConversation("bob's private question");
        SignedIn.as(users, "alice");

        List<Consumer<Long>> attempts = List.of(
                service::getConversation,
                service::findMessages,
                id -> service.findLatestMessages(id, 50),
                id -> service.findMessagesBefore(id, 1, 50),
                id -> service.postUserMessage(id, "injected by alice"),
                service::streamReply,
                id -> service.rename(id, "renamed by alice"),
                service::delete);
        for (Consumer<Long> attempt : attempts) {
            assertThatThrownBy(() -> attempt.accept(bobs.id())).isInstanceOf(ConversationNotFoundException.class);
        }
        assertThatThrownBy(() -> service.getConversation(Long.MAX_VALUE))
                .isInstanceOf(ConversationNotFoundException.class)
                .hasMessage(new ConversationNotFoundException().getMessage());

        SignedIn.as(users, "bob");
        assertThat(service.getConversation(bobs.id()).title()).isEqualTo("bob's private question");
        assertThat(service.findMessages(bobs.id())).singleElement()
                .satisfies(m -> assertThat(m.content()).isEqualTo("bob's private question"));
    }

    @Test
    void a_long_conversation_is_read_from_its_end_one_page_at_a_time() {
        SignedIn.as(users, "alice");
        List<ChatTurn> turns = java.util.stream.IntStream.range(0, 120)
                .mapToObj(i -> new ChatTurn(i % 2 == 0 ? MessageRole.USER : MessageRole.ASSISTANT, "Message " + i))
                .toList();
        ConversationSummary chat = service.createConversation("Long chat", turns);

        MessagePage latest = service.findLatestMessages(chat.id(), 50);
        assertThat(latest.messages()).extracting(ChatMessage::content)
                .startsWith("Message 70").endsWith("Message 119").hasSize(50);
        assertThat(latest.hasEarlier()).isTrue();

        MessagePage middle = service.findMessagesBefore(chat.id(), latest.firstPosition(), 50);
        assertThat(middle.messages()).extracting(ChatMessage::content).startsWith("Message 20").endsWith("Message 69");
        assertThat(middle.hasEarlier()).isTrue();

        MessagePage first = service.findMessagesBefore(chat.id(), middle.firstPosition(), 50);
        assertThat(first.messages()).extracting(ChatMessage::content)
                .startsWith("Message 0").endsWith("Message 19").hasSize(20);
        assertThat(first.hasEarlier()).isFalse();
        assertThat(service.findLatestMessages(service.startConversation("Short").id(), 50).hasEarlier()).isFalse();
    }

    @Test
    void anonymous_callers_are_refused() {
        assertThatThrownBy(() -> service.findConversations(PageRequest.of(0, 10)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> service.startConversation("hello"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void deleting_removes_the_conversation_and_its_messages() {
        SignedIn.as(users, "alice");
        ConversationSummary conversation = service.startConversation("delete me");

        service.delete(conversation.id());

        assertThatThrownBy(() -> service.findMessages(conversation.id()))
                .isInstanceOf(ConversationNotFoundException.class);
    }

    @Test
    void titles_lose_bidi_overrides_in_every_view_as_on_the_public_page() {
        SignedIn.as(users, "alice");
        ConversationSummary started = service.startConversation("\u202Egnp.exe\u202C harmless");

        assertThat(started.title()).isEqualTo("gnp.exe harmless");
        assertThat(service.rename(started.id(), "\u2066Admin\u2069 notice").title()).isEqualTo("Admin notice");
    }
}
