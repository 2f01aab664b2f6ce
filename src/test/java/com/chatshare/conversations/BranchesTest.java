package com.chatshare.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.datacontrols.DataExport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Edit, regenerate and versions of messages (decision 0023), through the service a view calls. */
@IntegrationTest
class BranchesTest {

    @Autowired
    ConversationService service;

    @Autowired
    DataExport export;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    @Test
    void a_message_sent_from_a_tab_showing_another_version_is_refused_and_nothing_is_stored() {
        SignedIn.as(users, "alice");
        long chat = chatOf("Two tabs: first question", "Two tabs: second question");
        ChatMessage second = service.findMessages(chat).get(2);
        long shownInTabA = service.findMessages(chat).getLast().id();
        // Tab B edits the second question: the chat now ends elsewhere.
        service.editUserMessage(chat, second.id(), "Two tabs: second question, edited in tab B");
        answer(service.streamReply(chat));
        List<String> before = contents(chat);

        assertThatThrownBy(() -> service.postUserMessage(chat, "Two tabs: sent from tab A", shownInTabA))
                .isInstanceOf(ChatChangedElsewhereException.class);
        assertThat(contents(chat)).isEqualTo(before);

        long shownNow = service.findMessages(chat).getLast().id();
        assertThat(service.postUserMessage(chat, "Two tabs: sent after reloading", shownNow).content())
                .isEqualTo("Two tabs: sent after reloading");
    }

    @Test
    void new_messages_are_counted_along_a_path_longer_than_mariadbs_default_recursion_limit() {
        SignedIn.as(users, "alice");
        List<ChatTurn> turns = java.util.stream.IntStream.range(0, 1500)
                .mapToObj(i -> new ChatTurn(i % 2 == 0 ? MessageRole.USER : MessageRole.ASSISTANT, "Long path " + i))
                .toList();
        long chat = service.createConversation("Long path", turns).id();

        assertThat(service.countFinishedMessagesAfter(java.util.Map.of(chat, 0))).containsEntry(chat, 1499);
    }

    @Test
    void editing_a_question_makes_a_new_version_that_is_answered_and_keeps_the_old_branch() {
        SignedIn.as(users, "alice");
        long chat = chatOf("Branch one: first question", "Branch one: second question");
        ChatMessage second = service.findMessages(chat).get(2);

        ChatMessage edited = service.editUserMessage(chat, second.id(), "Branch two: second question, edited");
        answer(service.streamReply(chat));

        assertThat(contents(chat)).hasSize(4).startsWith("Branch one: first question")
                .contains("Branch two: second question, edited").doesNotContain("Branch one: second question");
        assertThat(service.findMessages(chat)).extracting(ChatMessage::position).containsExactly(0, 1, 2, 3);
        assertThat(edited.position()).isEqualTo(second.position());
        MessagePage page = service.findLatestMessages(chat, 50);
        assertThat(page.versionOf(page.messages().get(2))).isEqualTo(new MessageVersion(2, 2));
        assertThat(page.versions()).containsOnlyKeys(edited.id());

        ChatMessage back = service.switchVersion(chat, edited.id(), -1);

        assertThat(back.id()).isEqualTo(second.id());
        assertThat(contents(chat)).hasSize(4).doesNotContain("Branch two: second question, edited");
        assertThat(contents(chat).get(2)).isEqualTo("Branch one: second question");
        assertThat(contents(chat).get(3)).contains("Branch one: second question");
    }

    @Test
    void regenerating_an_answer_streams_a_different_version_beside_the_old_one() {
        SignedIn.as(users, "alice");
        long chat = chatOf("How do I bake bread?", "And rolls?");
        ChatMessage firstAnswer = service.findMessages(chat).get(1);

        ReplyStream again = service.regenerate(chat, firstAnswer.id());
        String streamed = answer(again);

        List<ChatMessage> path = service.findMessages(chat);
        assertThat(path).hasSize(2);
        assertThat(path.get(1).id()).isEqualTo(again.message().id());
        assertThat(path.get(1).position()).isEqualTo(1);
        assertThat(path.get(1).content()).isEqualTo(streamed).isNotEqualTo(firstAnswer.content())
                .contains("version 2");
        assertThat(path.get(1).status()).isEqualTo(MessageStatus.COMPLETE);
        assertThat(service.findLatestMessages(chat, 50).versionOf(path.get(1))).isEqualTo(new MessageVersion(2, 2));

        // Back to the first answer: the chat goes on where it went from there.
        service.switchVersion(chat, again.message().id(), -1);
        assertThat(contents(chat)).hasSize(4).element(3).asString().contains("And rolls?");
        assertThat(service.findLatestMessages(chat, 50).versionOf(service.findMessages(chat).get(1)))
                .isEqualTo(new MessageVersion(1, 2));
    }

    @Test
    void switching_past_the_first_or_last_version_stays_there() {
        SignedIn.as(users, "alice");
        long chat = chatOf("Only one version");
        ChatMessage question = service.findMessages(chat).getFirst();

        assertThat(service.switchVersion(chat, question.id(), 1).id()).isEqualTo(question.id());
        assertThat(service.switchVersion(chat, question.id(), -1).id()).isEqualTo(question.id());
        assertThat(service.findMessages(chat)).hasSize(2);
    }

    @Test
    void another_users_chat_or_message_reads_as_missing_and_nothing_changes() {
        SignedIn.as(users, "bob");
        long bobs = chatOf("bob's question about branches");
        List<ChatMessage> bobsPath = service.findMessages(bobs);
        SignedIn.as(users, "alice");
        long alices = chatOf("alice's question about branches");

        List<Function<Long, Object>> onBobsChat = List.of(
                chat -> service.editUserMessage(chat, bobsPath.get(0).id(), "alice was here"),
                chat -> service.regenerate(chat, bobsPath.get(1).id()),
                chat -> service.switchVersion(chat, bobsPath.get(0).id(), 1));
        for (Function<Long, Object> attempt : onBobsChat) {
            assertThatThrownBy(() -> attempt.apply(bobs)).isInstanceOf(ConversationNotFoundException.class);
            // Bob's message ids through alice's own chat.
            assertThatThrownBy(() -> attempt.apply(alices)).isInstanceOf(ConversationNotFoundException.class);
        }
        assertThatThrownBy(() -> service.findMessageTree(bobs)).isInstanceOf(ConversationNotFoundException.class);
        assertThat(service.findMessageTree(alices)).hasSize(2);
        // A question cannot be regenerated, nor an answer edited.
        List<ChatMessage> own = service.findMessages(alices);
        assertThatThrownBy(() -> service.regenerate(alices, own.get(0).id()))
                .isInstanceOf(ConversationNotFoundException.class);
        assertThatThrownBy(() -> service.editUserMessage(alices, own.get(1).id(), "edited answer"))
                .isInstanceOf(ConversationNotFoundException.class);

        SignedIn.as(users, "bob");
        assertThat(service.findMessageTree(bobs)).hasSize(2);
        assertThat(service.findMessages(bobs)).isEqualTo(bobsPath);
    }

    @Test
    void an_edit_is_checked_like_a_new_message_and_keeps_nothing_on_refusal() {
        SignedIn.as(users, "alice");
        long chat = chatOf("Check my edit");
        long question = service.findMessages(chat).getFirst().id();

        assertThatThrownBy(() -> service.editUserMessage(chat, question, "  "))
                .isInstanceOf(InvalidChatInputException.class).hasMessage("Type a message first.");
        assertThatThrownBy(() -> service.editUserMessage(chat, question, "x".repeat(ChatMessage.MAX_LENGTH + 1)))
                .isInstanceOf(InvalidChatInputException.class).hasMessageContaining("32,000");
        assertThat(service.findMessageTree(chat)).hasSize(2);
    }

    @Test
    void a_full_chat_takes_no_edit_and_no_new_version() {
        SignedIn.as(users, "alice");
        List<ChatTurn> turns = IntStream.range(0, ChatMessage.MAX_PER_CONVERSATION)
                .mapToObj(i -> new ChatTurn(i % 2 == 0 ? MessageRole.USER : MessageRole.ASSISTANT, "turn " + i))
                .toList();
        long chat = service.createConversation("Full of versions", turns).id();
        MessagePage last = service.findLatestMessages(chat, 2);

        assertThatThrownBy(() -> service.editUserMessage(chat, last.messages().get(0).id(), "one more"))
                .isInstanceOf(InvalidChatInputException.class)
                .hasMessage(ConversationService.FULL_CONVERSATION_MESSAGE);
        assertThatThrownBy(() -> service.regenerate(chat, last.messages().get(1).id()))
                .isInstanceOf(InvalidChatInputException.class)
                .hasMessage(ConversationService.FULL_CONVERSATION_MESSAGE);
        assertThat(service.findMessages(chat)).hasSize(ChatMessage.MAX_PER_CONVERSATION);
    }

    @Test
    void edits_and_switches_from_two_tabs_at_once_always_leave_one_whole_path_on_screen() throws Exception {
        SignedIn.as(users, "alice");
        long chat = chatOf("Two tabs, first question", "Two tabs, second question");
        long second = service.findMessages(chat).get(2).id();
        ExecutorService tabs = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                CountDownLatch start = new CountDownLatch(1);
                int n = round;
                Future<?> editing = tabs.submit(() -> {
                    SignedIn.as(users, "alice");
                    start.await();
                    return service.editUserMessage(chat, second, "Edited in tab one, round " + n);
                });
                Future<?> switching = tabs.submit(() -> {
                    SignedIn.as(users, "alice");
                    start.await();
                    return service.switchVersion(chat, second, n % 2 == 0 ? 1 : -1);
                });
                start.countDown();
                editing.get();
                switching.get();
                assertOnePath(chat);
            }
        } finally {
            tabs.shutdownNow();
        }
        assertThat(service.findMessageTree(chat)).hasSize(4 + 8);
    }

    @Test
    void the_export_holds_every_version_with_its_parent_and_says_which_are_on_screen() throws Exception {
        SignedIn.as(users, "bob");
        long chat = chatOf("Export me: the question");
        List<ChatMessage> path = service.findMessages(chat);
        service.editUserMessage(chat, path.get(0).id(), "Export me: the edited question");
        answer(service.streamReply(chat));

        List<TreeMessage> tree = service.findMessageTree(chat);
        assertThat(tree).hasSize(4);
        assertThat(tree).filteredOn(TreeMessage::onScreen).extracting(TreeMessage::content)
                .first().isEqualTo("Export me: the edited question");
        assertThat(tree).filteredOn(m -> m.parentId() == null).hasSize(2);
        Map<Long, TreeMessage> byId = tree.stream().collect(Collectors.toMap(TreeMessage::id, m -> m));
        assertThat(tree).filteredOn(m -> m.role() == MessageRole.ASSISTANT)
                .allSatisfy(answer -> assertThat(byId.get(answer.parentId()).role()).isEqualTo(MessageRole.USER));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeTo(out);
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"chatshare-export/2\"").contains("Export me: the question")
                .contains("Export me: the edited question").containsPattern("\"parentId\" ?: ?" + path.get(0).id())
                .containsPattern("\"onScreen\" ?: ?false");
    }

    @Test
    void new_messages_since_a_share_are_counted_along_the_path_on_screen() {
        SignedIn.as(users, "alice");
        long chat = chatOf("Counted: first", "Counted: second");
        List<ChatMessage> path = service.findMessages(chat);
        assertThat(service.countFinishedMessagesAfter(Map.of(chat, 1))).isEqualTo(Map.of(chat, 2));

        // A new version of the first answer: after position 1 the path on screen has nothing yet.
        answer(service.regenerate(chat, path.get(1).id()));
        assertThat(service.countFinishedMessagesAfter(Map.of(chat, 1))).isEmpty();
        assertThat(service.countFinishedMessagesAfter(Map.of(chat, 0))).isEqualTo(Map.of(chat, 1));
    }

    @Test
    void an_old_message_with_a_new_version_opens_a_long_chat_at_the_end_of_its_path() {
        SignedIn.as(users, "alice");
        List<ChatTurn> turns = IntStream.range(0, 120)
                .mapToObj(i -> new ChatTurn(i % 2 == 0 ? MessageRole.USER : MessageRole.ASSISTANT, "long " + i))
                .toList();
        long chat = service.createConversation("Long with versions", turns).id();
        long early = service.findMessages(chat).get(10).id();
        service.editUserMessage(chat, early, "long 10, edited");

        MessagePage latest = service.findLatestMessages(chat, 5);
        assertThat(latest.messages()).extracting(ChatMessage::content)
                .containsExactly("long 6", "long 7", "long 8", "long 9", "long 10, edited");
        assertThat(latest.hasEarlier()).isTrue();
        MessagePage before = service.findMessagesBefore(chat, latest.firstPosition(), 10);
        assertThat(before.messages()).extracting(ChatMessage::content).containsExactly("long 0", "long 1",
                "long 2", "long 3", "long 4", "long 5");
        assertThat(before.hasEarlier()).isFalse();

        service.switchVersion(chat, service.findMessages(chat).getLast().id(), -1);
        assertThat(service.findMessages(chat)).hasSize(120).last().extracting(ChatMessage::content)
                .isEqualTo("long 119");
    }

    /** The path on screen is whole: positions 0..n-1, each message the child of the one before. */
    private void assertOnePath(long chat) {
        List<ChatMessage> path = service.findMessages(chat);
        Map<Long, TreeMessage> tree = service.findMessageTree(chat).stream()
                .collect(Collectors.toMap(TreeMessage::id, m -> m));
        List<Long> parents = new ArrayList<>();
        for (ChatMessage message : path) {
            parents.add(tree.get(message.id()).parentId());
        }
        assertThat(path).extracting(ChatMessage::position)
                .containsExactlyElementsOf(IntStream.range(0, path.size()).boxed().toList());
        assertThat(parents.getFirst()).isNull();
        for (int i = 1; i < path.size(); i++) {
            assertThat(parents.get(i)).isEqualTo(path.get(i - 1).id());
        }
        assertThat(tree.values()).filteredOn(TreeMessage::onScreen).hasSameSizeAs(path);
    }

    /** A chat of these questions, each answered. */
    private long chatOf(String... questions) {
        long chat = service.startConversation(questions[0]).id();
        answer(service.streamReply(chat));
        for (int i = 1; i < questions.length; i++) {
            service.postUserMessage(chat, questions[i]);
            answer(service.streamReply(chat));
        }
        return chat;
    }

    private static String answer(ReplyStream reply) {
        return String.join("", reply.tokens().collectList().block(Duration.ofSeconds(10)));
    }

    private List<String> contents(long chat) {
        return service.findMessages(chat).stream().map(ChatMessage::content).toList();
    }
}
