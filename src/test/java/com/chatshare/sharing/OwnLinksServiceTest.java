package com.chatshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.ConversationService;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Bulk deletion of links: only ever the caller's, one statement, 404 at once. */
@IntegrationTest
class OwnLinksServiceTest {

    static final AtomicInteger counter = new AtomicInteger();

    @Autowired
    ShareService shares;

    @Autowired
    OwnLinksService ownLinks;

    @Autowired
    ConversationService conversations;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    MockMvc mvc;

    String carol;
    String dave;

    @BeforeEach
    void twoFreshUsers() {
        int n = counter.incrementAndGet();
        carol = "carol-" + n;
        dave = "dave-" + n;
        accounts.register(new Registration(carol, "Carol", "long-enough-password"));
        accounts.register(new Registration(dave, "Dave", "long-enough-password"));
    }

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    private ShareDetails share(String user, String question) {
        return SharingFixtures.share(shares, conversations, users, user, question, ShareVisibility.ANONYMOUS);
    }

    @Test
    void delete_all_removes_only_the_callers_links_and_keeps_the_chats() throws Exception {
        ShareDetails carol1 = share(carol, "carol one");
        ShareDetails carol2 = share(carol, "carol two");
        ShareDetails dave1 = share(dave, "dave one");
        SignedIn.as(users, carol);

        assertThat(ownLinks.deleteAllLinks()).isEqualTo(2);

        assertThat(ownLinks.countOwnLinks()).isZero();
        assertThat(conversations.getConversation(carol1.conversationId()).title()).isEqualTo("carol one");
        SignedIn.signOut();
        mvc.perform(get(carol1.path())).andExpect(status().isNotFound());
        mvc.perform(get(carol2.path())).andExpect(status().isNotFound());
        mvc.perform(get(dave1.path())).andExpect(status().isOk());
    }

    @Test
    void delete_selected_with_someone_elses_id_is_refused_and_changes_nothing() throws Exception {
        ShareDetails carol1 = share(carol, "carol one");
        ShareDetails dave1 = share(dave, "dave one");
        SignedIn.as(users, carol);

        assertThatThrownBy(() -> ownLinks.deleteLinks(Set.of(carol1.shareId(), dave1.shareId())))
                .isInstanceOf(ShareException.class);

        assertThat(ownLinks.countOwnLinks()).isEqualTo(1);
        SignedIn.signOut();
        mvc.perform(get(carol1.path())).andExpect(status().isOk());
        mvc.perform(get(dave1.path())).andExpect(status().isOk());
    }

    @Test
    void delete_selected_deletes_exactly_those() throws Exception {
        ShareDetails one = share(carol, "one");
        ShareDetails two = share(carol, "two");
        ShareDetails three = share(carol, "three");
        SignedIn.as(users, carol);

        assertThat(ownLinks.deleteLinks(Set.of(one.shareId(), three.shareId()))).isEqualTo(2);

        assertThat(ownLinks.findOwnLinks(ShareQuery.newestFirst(), 0, 10)).extracting(ShareSummary::shareId)
                .containsExactly(two.shareId());
    }

    @Test
    void the_list_searches_sorts_and_counts_new_messages() {
        ShareDetails apple = share(carol, "Apple pie recipe");
        share(carol, "Banana bread");
        ShareDetails cherry = share(carol, "Cherry apple crumble");
        SignedIn.as(users, carol);
        conversations.postUserMessage(apple.conversationId(), "and with cinnamon?");

        List<ShareSummary> found = ownLinks.findOwnLinks(ShareQuery.newestFirst().withSearch("apple"), 0, 10);
        List<ShareSummary> byTitle = ownLinks.findOwnLinks(
                ShareQuery.newestFirst().withSort(ShareQuery.Sort.TITLE, false), 0, 10);

        assertThat(found).extracting(ShareSummary::shareId).containsExactly(cherry.shareId(), apple.shareId());
        assertThat(byTitle).extracting(ShareSummary::title)
                .containsExactly("Apple pie recipe", "Banana bread", "Cherry apple crumble");
        assertThat(found.getLast().newMessages()).isEqualTo(1);
        assertThat(ownLinks.findOwnLinks(ShareQuery.newestFirst().withSearch("100%_!"), 0, 10)).isEmpty();
    }

    @Test
    void title_search_finds_titles_whose_words_begin_with_every_word_typed() {
        ShareDetails apple = share(carol, "Apple pie recipe");
        ShareDetails pineapple = share(carol, "Pineapple salsa");
        ShareDetails bread = share(carol, "How to bake the bread");
        ShareDetails japanese = share(carol, "日本語のレシピ");
        share(dave, "Apple strudel");
        SignedIn.as(users, carol);

        assertThat(search("app")).containsExactly(apple.shareId());
        assertThat(search("PIE apple")).containsExactly(apple.shareId());
        assertThat(search("pineapple")).containsExactly(pineapple.shareId());
        assertThat(search("the")).as("no stopwords").containsExactly(bread.shareId());
        assertThat(search("how to b")).as("short words as substrings").containsExactly(bread.shareId());
        assertThat(search("レシピ")).as("scripts without spaces as substrings").containsExactly(japanese.shareId());
        assertThat(search("+apple -pie (\"re\") ~<@*")).as("boolean-mode operators are not passed on")
                .containsExactly(apple.shareId());
        assertThat(search("apple strudel")).as("another user's title").isEmpty();
        assertThat(search("ple")).as("word beginnings, not any substring").isEmpty();
        assertThat(search(" \t ")).hasSize(4);
    }

    private List<Long> search(String typed) {
        return ownLinks.findOwnLinks(ShareQuery.newestFirst().withSearch(typed), 0, 10).stream()
                .map(ShareSummary::shareId).toList();
    }

    @Test
    void deleting_all_chats_makes_their_links_404_and_leaves_others_alone() throws Exception {
        ShareDetails carol1 = share(carol, "carol chat");
        ShareDetails dave1 = share(dave, "dave chat");
        SignedIn.as(users, carol);

        conversations.deleteAllConversations();

        assertThat(conversations.countConversations()).isZero();
        SignedIn.signOut();
        mvc.perform(get(carol1.path())).andExpect(status().isNotFound());
        mvc.perform(get(dave1.path())).andExpect(status().isOk());
    }

    @Test
    void deleting_the_account_needs_the_password_and_takes_the_links_with_it() throws Exception {
        ShareDetails carol1 = share(carol, "carol's last chat");
        SignedIn.as(users, carol);

        assertThatThrownBy(() -> accounts.deleteOwnAccount("wrong-password"))
                .isInstanceOf(com.chatshare.accounts.RegistrationException.class);
        mvc.perform(get(carol1.path())).andExpect(status().isOk());

        // A MockMvc request clears the thread's security context when it ends: sign in again.
        SignedIn.as(users, carol);
        accounts.deleteOwnAccount("long-enough-password");

        SignedIn.signOut();
        mvc.perform(get(carol1.path())).andExpect(status().isNotFound());
        assertThatThrownBy(() -> users.loadUserByUsername(carol))
                .isInstanceOf(org.springframework.security.core.userdetails.UsernameNotFoundException.class);
    }
}
