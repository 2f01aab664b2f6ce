package com.chatshare.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Writing an imported chat (decision 0028): whole or not at all, the caller's own, within the limits. */
@IntegrationTest
class ChatImportsTest {

    static final Instant THEN = Instant.parse("2024-05-01T10:00:00Z");

    @Autowired
    ChatImports imports;

    @Autowired
    ConversationService conversations;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    @Test
    void an_imported_chat_keeps_its_title_dates_branches_and_the_path_it_showed() {
        signInAsNewUser("importer");
        ConversationSummary chat = imports.importChat(new ImportedChat("conv-1", "Sums", THEN, THEN.plusSeconds(60),
                ImportSource.CHATGPT, List.of(
                        message("u1", null, MessageRole.USER, "What is 2+2?"),
                        message("a1", "u1", MessageRole.ASSISTANT, "It is 4."),
                        message("a1b", "u1", MessageRole.ASSISTANT, "Four."),
                        message("u2", "a1", MessageRole.USER, "And 3+3?"),
                        message("a2", "u2", MessageRole.ASSISTANT, "Six.")),
                "a1b"));

        assertThat(chat.importedFrom()).isEqualTo(ImportSource.CHATGPT);
        assertThat(chat.updatedAt()).isEqualTo(THEN.plusSeconds(60));
        assertThat(conversations.findMessages(chat.id())).extracting(ChatMessage::content)
                .containsExactly("What is 2+2?", "Four.");
        assertThat(conversations.findMessageTree(chat.id())).hasSize(5);
        MessagePage page = conversations.findLatestMessages(chat.id(), 10);
        assertThat(page.versions().values()).containsExactly(new MessageVersion(2, 2));
        assertThat(conversations.findConversations(PageRequest.of(0, 10)).getContent())
                .extracting(ConversationSummary::title, ConversationSummary::importedFrom)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Sums", ImportSource.CHATGPT));
    }

    @Test
    void a_chat_that_fails_midway_leaves_no_row_and_the_next_chat_is_imported() {
        long owner = signInAsNewUser("halfway");
        List<ImportedMessage> messages = new ArrayList<>(List.of(
                message("u1", null, MessageRole.USER, "Fine"),
                message("a1", "u1", MessageRole.ASSISTANT, "Fine too")));
        // A date the database cannot hold: the insert of the messages fails after the conversation's row was written.
        messages.add(new ImportedMessage("u2", "a1", MessageRole.USER, "From the future", null,
                Instant.parse("2100-01-01T00:00:00Z")));

        assertThatThrownBy(() -> imports.importChat(new ImportedChat(null, "Broken", THEN, THEN, ImportSource.CLAUDE,
                messages, null))).isInstanceOf(DataAccessException.class);
        imports.importChat(new ImportedChat(null, "Whole", THEN, THEN, ImportSource.CLAUDE,
                List.of(message("u1", null, MessageRole.USER, "Whole chat")), null));

        assertThat(jdbc.queryForList("select title from conversation where owner_id = ?", String.class, owner))
                .containsExactly("Whole");
        assertThat(jdbc.queryForObject("select count(*) from message m join conversation c on c.id = m.conversation_id "
                + "where c.owner_id = ?", Integer.class, owner)).isEqualTo(1);
    }

    @Test
    void nobody_signed_in_can_import_and_an_import_is_only_its_importers() {
        ImportedChat chat = new ImportedChat(null, "Mine", THEN, THEN, ImportSource.CLAUDE,
                List.of(message("u1", null, MessageRole.USER, "Private words")), null);
        assertThatThrownBy(() -> imports.importChat(chat)).isInstanceOf(AuthenticationException.class);

        signInAsNewUser("owner");
        long id = imports.importChat(chat).id();
        signInAsNewUser("stranger");

        assertThatThrownBy(() -> conversations.findMessages(id)).isInstanceOf(ConversationNotFoundException.class);
        assertThat(conversations.findConversations(PageRequest.of(0, 10)).getContent()).isEmpty();
    }

    @Test
    void a_chat_past_the_limit_of_messages_is_refused_whole_and_long_texts_are_cut_with_a_note() {
        signInAsNewUser("limits");
        List<ImportedMessage> tooMany = IntStream.range(0, ChatMessage.MAX_PER_CONVERSATION + 1)
                .mapToObj(i -> message("m" + i, i == 0 ? null : "m" + (i - 1),
                        i % 2 == 0 ? MessageRole.USER : MessageRole.ASSISTANT, "Message " + i))
                .toList();
        assertThatThrownBy(() -> imports.importChat(new ImportedChat(null, "Too long", THEN, THEN,
                ImportSource.CHATGPT, tooMany, null))).isInstanceOf(ChatImportRefusedException.class)
                .hasMessage(ChatImports.TOO_MANY_MESSAGES);
        assertThat(conversations.countConversations()).isZero();

        long id = imports.importChat(new ImportedChat(null, "Long", THEN, THEN, ImportSource.CHATGPT, List.of(
                message("u1", null, MessageRole.USER, "q".repeat(ChatMessage.MAX_LENGTH + 10)),
                message("a1", "u1", MessageRole.ASSISTANT, "a".repeat(ChatMessage.MAX_ANSWER_LENGTH + 10))),
                null)).id();

        List<ChatMessage> shown = conversations.findMessages(id);
        assertThat(shown.get(0).content()).startsWith("q".repeat(ChatMessage.MAX_LENGTH))
                .endsWith(ChatImports.CUT_NOTE.formatted(ChatMessage.MAX_LENGTH));
        assertThat(shown.get(1).content()).startsWith("a".repeat(ChatMessage.MAX_ANSWER_LENGTH))
                .doesNotContain("a".repeat(ChatMessage.MAX_ANSWER_LENGTH + 1));
    }

    @Test
    void a_chat_too_big_for_one_insert_keeps_its_path_across_the_inserts() {
        signInAsNewUser("bulky");
        List<ImportedMessage> messages = IntStream.range(0, 24)
                .mapToObj(i -> message("m" + i, i == 0 ? null : "m" + (i - 1),
                        i % 2 == 0 ? MessageRole.USER : MessageRole.ASSISTANT,
                        i + ":" + (i % 2 == 0 ? "q".repeat(30_000) : "a".repeat(190_000))))
                .toList();

        long id = imports.importChat(new ImportedChat(null, "Bulky", THEN, THEN, ImportSource.CHATGPT, messages,
                null)).id();

        assertThat(conversations.findMessages(id)).extracting(m -> m.content().substring(0, m.content().indexOf(':')))
                .containsExactlyElementsOf(IntStream.range(0, 24).mapToObj(String::valueOf).toList());
    }

    @Test
    void the_same_chat_imported_twice_is_skipped_the_second_time() {
        signInAsNewUser("twice");
        ImportedChat chat = new ImportedChat("same-id", "Once", THEN, THEN, ImportSource.CLAUDE,
                List.of(message("u1", null, MessageRole.USER, "Hello")), null);
        imports.importChat(chat);

        assertThatThrownBy(() -> imports.importChat(chat)).isInstanceOf(ChatImportRefusedException.class)
                .hasMessage(ChatImports.ALREADY_IMPORTED);
        assertThat(conversations.countConversations()).isEqualTo(1);
    }

    @Test
    void the_same_export_imported_at_once_in_two_threads_lands_each_chat_once_and_the_other_as_already_imported()
            throws Exception {
        String username = signInAsNewUserNamed("racing");
        List<ImportedChat> chats = IntStream.range(0, 20)
                .mapToObj(i -> new ImportedChat("race-" + i, "Race " + i, THEN, THEN, ImportSource.CHATGPT,
                        List.of(message("u1", null, MessageRole.USER, "Hello " + i)), null))
                .toList();
        // Two imports on two nodes: the per-node guard sees neither, each chat is written by both at once.
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<List<String>> importAll = () -> {
            SignedIn.as(users, username);
            List<String> outcomes = new ArrayList<>();
            for (ImportedChat chat : chats) {
                together.await(30, TimeUnit.SECONDS);
                outcomes.add(outcome(() -> imports.importChat(chat)));
            }
            return outcomes;
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> first = threads.submit(importAll);
            Future<List<String>> second = threads.submit(importAll);
            List<String> a = first.get(60, TimeUnit.SECONDS);
            List<String> b = second.get(60, TimeUnit.SECONDS);

            for (int i = 0; i < chats.size(); i++) {
                assertThat(List.of(a.get(i), b.get(i))).as("chat " + i)
                        .containsExactlyInAnyOrder("imported", ChatImports.ALREADY_IMPORTED);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(conversations.countConversations()).isEqualTo(chats.size());
    }

    @Test
    void the_loser_of_a_race_on_the_import_key_is_told_already_imported_not_an_error() throws Exception {
        String username = signInAsNewUserNamed("loser");
        ImportedChat chat = new ImportedChat("contested", "Contested", THEN, THEN, ImportSource.CLAUDE,
                List.of(message("u1", null, MessageRole.USER, "Hello")), null);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // The winner has written the chat and not committed: the loser's check cannot see it yet,
            // and its insert waits on the winner's row of the unique key.
            Future<String> winner = threads.submit(() -> {
                SignedIn.as(users, username);
                return new TransactionTemplate(transactions).execute(status -> {
                    String outcome = outcome(() -> imports.importChat(chat));
                    written.countDown();
                    await(commit);
                    return outcome;
                });
            });
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            Future<String> loser = threads.submit(() -> {
                SignedIn.as(users, username);
                return outcome(() -> imports.importChat(chat));
            });
            awaitLockWait();
            commit.countDown();

            assertThat(winner.get(30, TimeUnit.SECONDS)).isEqualTo("imported");
            assertThat(loser.get(30, TimeUnit.SECONDS)).isEqualTo(ChatImports.ALREADY_IMPORTED);
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
        assertThat(conversations.countConversations()).isEqualTo(1);
    }

    @Test
    void another_integrity_error_of_the_conversation_row_is_not_taken_for_already_imported() {
        long owner = signInAsNewUser("other-error");
        // The account deleted meanwhile: the row's owner is gone, a foreign key's refusal, not the import key's.
        jdbc.update("delete from app_user where id = ?", owner);
        ImportedChat chat = new ImportedChat("key-1", "Chat", THEN, THEN, ImportSource.CLAUDE,
                List.of(message("u1", null, MessageRole.USER, "Hello")), null);

        assertThatThrownBy(() -> imports.importChat(chat)).isInstanceOf(DataIntegrityViolationException.class);
    }

    /** "imported", or the reason the chat was refused, or the class of what else was thrown. */
    private static String outcome(Runnable importChat) {
        try {
            importChat.run();
            return "imported";
        } catch (ChatImportRefusedException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Until a transaction waits for a lock (the loser's insert, on the winner's key), at most 30 s. */
    private void awaitLockWait() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            // The database's own user sees its own connections without the PROCESS privilege.
            if (jdbc.queryForObject("select count(*) from information_schema.processlist where command = 'Query' "
                    + "and info like 'insert into conversation %'", Integer.class) > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No transaction came to wait on the winner's row");
    }

    private long signInAsNewUser(String prefix) {
        String username = signInAsNewUserNamed(prefix);
        return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
    }

    private String signInAsNewUserNamed(String prefix) {
        String username = prefix + "-" + System.nanoTime();
        accounts.register(new Registration(username, "Imp Orter", "long-enough-password"));
        SignedIn.as(users, username);
        return username;
    }

    private static ImportedMessage message(String key, String parent, MessageRole role, String text) {
        return new ImportedMessage(key, parent, role, text, role == MessageRole.ASSISTANT ? "gpt-4o" : null, THEN);
    }
}
