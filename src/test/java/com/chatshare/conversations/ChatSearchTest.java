package com.chatshare.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Search in one's chats, and pinning, archiving, renaming and deleting them: service rules. */
@IntegrationTest
class ChatSearchTest {

    @Autowired
    ConversationService service;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    @Test
    void a_word_beginning_finds_the_chat_by_its_message_with_the_whole_word_marked() {
        String word = uniqueWord();
        signInAsNewUser();
        ConversationSummary chat = service.createConversation("Links", List.of(
                new ChatTurn(MessageRole.USER, "How does " + word + "sharing work?"),
                new ChatTurn(MessageRole.ASSISTANT, "A snapshot is taken. " + word + "sharing is revocable.")));
        List<ChatMessage> messages = service.findMessages(chat.id());

        List<ChatSearchResult> results = service.search(word.substring(0, 4));

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.chat().id()).isEqualTo(chat.id());
            assertThat(result.messageId()).as("the newest matching message").isEqualTo(messages.get(1).id());
            assertThat(result.snippet().text()).isEqualTo("A snapshot is taken. " + word + "sharing is revocable.");
            assertThat(result.snippet().parts()).filteredOn(MarkedText.Part::marked)
                    .extracting(MarkedText.Part::text).containsExactly(word + "sharing");
        });
        assertThat(service.search("haring " + word)).as("a word's middle is not its beginning").isEmpty();
    }

    @Test
    void titles_are_searched_and_every_word_must_begin_a_word_of_the_title_or_of_one_message() {
        String word = uniqueWord();
        signInAsNewUser();
        ConversationSummary chat = service.createConversation("Banana " + word + " bread",
                List.of(new ChatTurn(MessageRole.USER, "Preheat the oven")));

        assertThat(service.search("BREAD ban " + word)).singleElement().satisfies(result -> {
            assertThat(result.chat().id()).isEqualTo(chat.id());
            assertThat(result.messageId()).as("only the title matched").isNull();
            assertThat(result.title().parts()).filteredOn(MarkedText.Part::marked)
                    .extracting(MarkedText.Part::text).containsExactly("Banana", word, "bread");
        });
        assertThat(service.search(word + " oven")).as("one word in the title, the other in a message").isEmpty();
        assertThat(service.search(word + " prehea")).isEmpty();
    }

    @Test
    void case_and_accents_do_not_matter_and_short_words_match_inside_words() {
        String word = uniqueWord();
        signInAsNewUser();
        service.createConversation("Coffee", List.of(new ChatTurn(MessageRole.USER, "Un café " + word + " crème")));

        assertThat(service.search("CAFE " + word.toUpperCase())).hasSize(1);
        assertThat(service.search("cafe " + word + " rè")).singleElement().satisfies(result ->
                assertThat(result.snippet().parts()).filteredOn(MarkedText.Part::marked)
                        .extracting(MarkedText.Part::text).contains("café", word, "rè"));
    }

    @Test
    void another_users_chats_are_never_found() {
        String word = uniqueWord();
        signInAsNewUser();
        ConversationSummary theirs = service.createConversation(word + " secret plans",
                List.of(new ChatTurn(MessageRole.USER, "The " + word + " launch code is 1234")));
        assertThat(service.search(word)).extracting(r -> r.chat().id()).containsExactly(theirs.id());

        signInAsNewUser();
        ConversationSummary mine = service.createConversation("Mine", List.of(new ChatTurn(MessageRole.USER, "hello")));

        for (String typed : List.of(word, word.substring(0, 3), "launch code", "secret", "1234", "the")) {
            assertThat(service.search(typed)).as(typed).allSatisfy(
                    result -> assertThat(result.chat().id()).isEqualTo(mine.id()));
        }
    }

    @Test
    void hostile_input_neither_fails_nor_reaches_other_peoples_chats() {
        String word = uniqueWord();
        signInAsNewUser();
        service.createConversation("Theirs " + word, List.of(new ChatTurn(MessageRole.USER, word + " everywhere")));
        signInAsNewUser();
        ConversationSummary mine = service.createConversation("Quotes",
                List.of(new ChatTurn(MessageRole.USER, "Mine says \"" + word + "\" (+1) -- a@b.c 100% under_score")));

        List<String> hostile = List.of("\"", "*", "+", "-", "@", "(", ")", "~", "<", ">", "%", "_", "!", "\\", "'",
                "\"" + word + "*", "+" + word + " -mine", "@" + word, "(" + word + ")", word + "*" + word,
                "'; drop table message; --", "%" + word + "%", "_" + word, "a", "x", "the", "the a an of",
                "  ", "\u0000" + word, "\u202e" + word, "東京", word.repeat(500), "a ".repeat(10_000),
                "+".repeat(300) + word, "match(content) against ('*')");
        for (String typed : hostile) {
            assertThatCode(() -> service.search(typed)).as(typed).doesNotThrowAnyException();
            assertThat(service.search(typed)).as(typed)
                    .allSatisfy(result -> assertThat(result.chat().id()).isEqualTo(mine.id()))
                    .hasSizeLessThanOrEqualTo(ChatSearchResult.LIMIT);
        }
        assertThat(service.search("\"" + word + "*")).as("operators only separate words").hasSize(1);
        assertThat(service.search("+" + word + " -mine")).as("a minus does not exclude").hasSize(1);
        assertThat(service.search("100%")).hasSize(1);
        assertThat(service.search("under_sc")).hasSize(1);
        assertThat(service.search("")).isEmpty();
    }

    @Test
    void archived_chats_leave_the_list_but_search_finds_them_marked_archived() {
        String word = uniqueWord();
        signInAsNewUser();
        ConversationSummary kept = service.startConversation("kept " + word);
        ConversationSummary archived = service.startConversation("old " + word);

        ConversationSummary result = service.archive(archived.id(), true);

        assertThat(result.archived()).isTrue();
        assertThat(chatList()).containsExactly(kept.id());
        assertThat(service.findArchivedConversations(PageRequest.of(0, 10)).getContent())
                .extracting(ConversationSummary::id).containsExactly(archived.id());
        assertThat(service.countArchivedConversations()).isEqualTo(1);
        assertThat(service.search(word)).extracting(r -> r.chat().id(), r -> r.chat().archived())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(archived.id(), true),
                        org.assertj.core.groups.Tuple.tuple(kept.id(), false));
        assertThat(service.findMessages(archived.id())).as("it still opens").hasSize(1);

        service.archive(archived.id(), false);
        assertThat(chatList()).containsExactlyInAnyOrder(kept.id(), archived.id());
        assertThat(service.countArchivedConversations()).isZero();
    }

    @Test
    void pinned_chats_head_the_list_and_archiving_unpins() {
        signInAsNewUser();
        ConversationSummary first = service.startConversation("first");
        ConversationSummary second = service.startConversation("second");
        ConversationSummary third = service.startConversation("third");
        assertThat(chatList()).containsExactly(third.id(), second.id(), first.id());

        assertThat(service.pin(first.id(), true).pinned()).isTrue();
        assertThat(chatList()).containsExactly(first.id(), third.id(), second.id());
        assertThat(service.findConversations(PageRequest.of(0, 10)).getContent().getFirst().pinned()).isTrue();

        service.archive(first.id(), true);
        assertThatThrownBy(() -> service.pin(first.id(), true)).isInstanceOf(InvalidChatInputException.class);
        service.archive(first.id(), false);
        assertThat(chatList()).as("back, unpinned").containsExactly(third.id(), second.id(), first.id());

        service.pin(second.id(), true);
        service.pin(second.id(), false);
        assertThat(chatList()).containsExactly(third.id(), second.id(), first.id());
    }

    @Test
    void another_user_cannot_rename_pin_archive_delete_or_find_my_chat() {
        signInAsNewUser();
        ConversationSummary mine = service.startConversation("My private chat");
        signInAsNewUser();

        assertThatThrownBy(() -> service.rename(mine.id(), "Taken over")).isInstanceOf(ConversationNotFoundException.class);
        assertThatThrownBy(() -> service.pin(mine.id(), true)).isInstanceOf(ConversationNotFoundException.class);
        assertThatThrownBy(() -> service.archive(mine.id(), true)).isInstanceOf(ConversationNotFoundException.class);
        assertThatThrownBy(() -> service.delete(mine.id())).isInstanceOf(ConversationNotFoundException.class);
        assertThat(service.findArchivedConversations(PageRequest.of(0, 10))).isEmpty();
        assertThat(service.search("private")).isEmpty();
    }

    @Test
    void a_title_must_not_be_blank_nor_longer_than_the_limit() {
        signInAsNewUser();
        ConversationSummary chat = service.startConversation("Named");

        assertThatThrownBy(() -> service.rename(chat.id(), "  ")).isInstanceOf(InvalidChatInputException.class);
        assertThatThrownBy(() -> service.rename(chat.id(), "x".repeat(ConversationSummary.TITLE_MAX_LENGTH + 1)))
                .isInstanceOf(InvalidChatInputException.class);
        assertThat(service.rename(chat.id(), "Renamed chat").title()).isEqualTo("Renamed chat");
        assertThat(service.search("renamed")).hasSize(1);
    }

    private List<Long> chatList() {
        return service.findConversations(PageRequest.of(0, 50)).map(ConversationSummary::id).getContent();
    }

    private void signInAsNewUser() {
        String username = "searcher-" + System.nanoTime();
        accounts.register(new Registration(username, "Searcher", "long-enough-password"));
        SignedIn.as(users, username);
    }

    /** Letters only, so that it is one word; unlikely to be in any other test's chats. */
    static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }
}
