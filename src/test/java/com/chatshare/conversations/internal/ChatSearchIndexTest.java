package com.chatshare.conversations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.ChatSearchResult;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.MessageRole;
import com.chatshare.security.CurrentUser;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The two ways {@link ChatSearch} finds chats, the walk down the newest chats and the FULLTEXT
 * indexes, find the same chats in the same order with the same snippets.
 */
@IntegrationTest
class ChatSearchIndexTest {

    @Autowired
    ChatSearch search;

    @Autowired
    ConversationService service;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    CurrentUser currentUser;

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    @Test
    void the_walk_and_the_fulltext_indexes_find_the_same_chats() {
        String word = "zq" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "x";
        String other = "yv" + Long.toString(System.nanoTime(), 36);
        String username = "indexed-" + System.nanoTime();
        accounts.register(new Registration(username, "Indexed", "long-enough-password"));
        SignedIn.as(users, username);
        service.createConversation("Banana bread " + other, List.of(
                new ChatTurn(MessageRole.USER, "How long does " + word + "dough rise?"),
                new ChatTurn(MessageRole.ASSISTANT, "About eight hours; café au lait meanwhile.")));
        service.createConversation("Sourdough starter", List.of(
                new ChatTurn(MessageRole.USER, "Feed the " + word + " starter daily"),
                new ChatTurn(MessageRole.ASSISTANT, "Yes, with flour and water.")));
        service.createConversation(word + " in the title only", List.of(new ChatTurn(MessageRole.USER, "nothing")));
        service.createConversation("Unrelated", List.of(new ChatTurn(MessageRole.USER, "Tea " + other)));
        long owner = currentUser.requireUserId();

        for (String typed : List.of(word, word + " starter", word.substring(0, 5), "CAFE " + word.substring(0, 4),
                other, "banana " + other, "bread " + word, "eight hours", "flo wat", word + " ti")) {
            List<ChatSearchResult> walked = search.find(owner, SearchWords.of(typed), 50, 1_000);
            List<ChatSearchResult> indexed = search.find(owner, SearchWords.of(typed), 50, 0);
            assertThat(indexed).as(typed).isEqualTo(walked);
        }
        assertThat(search.find(owner, SearchWords.of(word), 50, 0)).hasSize(3);
        assertThat(search.find(owner, SearchWords.of(word), 2, 0)).hasSize(2);
        assertThat(search.find(owner, SearchWords.of("eight hours"), 50, 0)).hasSize(1);
    }
}
