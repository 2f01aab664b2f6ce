package com.chatshare.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.IntegrationTest;
import com.chatshare.sharing.ShareQuery;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.ConversationService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import java.sql.Statement;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Both ways of finding titles on the real MariaDB — the walk down the sorted index checking
 * {@code title_words}, and the FULLTEXT index — find the same rows for the same words.
 */
@IntegrationTest
class TitleSearchQueryTest {

    static final AtomicInteger counter = new AtomicInteger();
    static final RowMapper<String> TITLE = (rs, n) -> rs.getString("title");
    static final List<TitleSearch.Column> TITLE_COLUMN = List.of(TitleSearch.Column.TITLE);

    @Autowired
    ShareService shares;

    @Autowired
    ConversationService conversations;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    long ownerId;

    @BeforeEach
    void ownerWithTrickyTitles() {
        String owner = "searcher-" + counter.incrementAndGet();
        accounts.register(new Registration(owner, "Searcher", "long-enough-password"));
        for (String title : List.of("Déjà vu (part 2)", "C++ & snake_case notes", "Pineapple-apple salsa",
                "How to bake the bread", "Don't panic", "日本語のレシピ", "Apple pie recipe", "«Quoted» words, here")) {
            SharingFixtures.share(shares, conversations, users, owner, title, ShareVisibility.ANONYMOUS);
        }
        ownerId = jdbc.queryForObject("select id from app_user where username = ?", Long.class, owner);
    }

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    @Test
    void the_walk_and_the_fulltext_index_find_the_same_titles() {
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("deja", List.of("Déjà vu (part 2)")),
                Map.entry("PART vu", List.of("Déjà vu (part 2)")),
                Map.entry("apple", List.of("Apple pie recipe", "Pineapple-apple salsa")),
                Map.entry("snake", List.of("C++ & snake_case notes")),
                Map.entry("snake_case", List.of("C++ & snake_case notes")),
                Map.entry("case", List.of()),
                Map.entry("panic don", List.of("Don't panic")),
                Map.entry("the bread how", List.of("How to bake the bread")),
                Map.entry("quoted words", List.of("«Quoted» words, here")),
                Map.entry("ple", List.of()),
                Map.entry("レシピ", List.of("日本語のレシピ")));
        expected.forEach((typed, titles) -> {
            TitleSearch search = TitleSearch.of(typed);
            List<String> walked = find(search, TitleSearch.WALK_ROWS);
            List<String> indexed = find(search, 0);
            assertThat(walked).as("walk for '%s'", typed).containsExactlyInAnyOrderElementsOf(titles);
            assertThat(indexed).as("FULLTEXT for '%s'", typed).containsExactlyInAnyOrderElementsOf(titles);
        });
    }

    @Test
    void a_full_page_from_the_walk_is_the_same_page_as_from_the_index() {
        TitleSearch search = TitleSearch.of("apple");

        List<String> walked = search.find(jdbc, newestFirst(), TITLE_COLUMN, 0, 1, TITLE, 3);
        List<String> indexed = search.find(jdbc, newestFirst(), TITLE_COLUMN, 0, 1, TITLE, 0);

        assertThat(walked).containsExactly("Apple pie recipe").isEqualTo(indexed);
    }

    /**
     * InnoDB leaves stopwords out of a FULLTEXT index according to the session that adds the rows,
     * so every connection of the application turns them off (application.yml); the query's own
     * session does not matter.
     */
    @Test
    void stopwords_like_the_are_in_the_index() {
        List<String> found = jdbc.execute((ConnectionCallback<List<String>>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set session innodb_ft_enable_stopword = on");
            }
            return new JdbcTemplate(new SingleConnectionDataSource(connection, true)).query(
                    "select title from share_link where owner_id = ? and match(title) against ('+the*' in boolean mode)",
                    TITLE, ownerId);
        });

        assertThat(found).containsExactly("How to bake the bread");
    }

    private List<String> find(TitleSearch search, int walkRows) {
        return search.find(jdbc, newestFirst(), TITLE_COLUMN, 0, 50, TITLE, walkRows);
    }

    /** The owner's links, newest first (none is removed or expired here). */
    private TitleSearch.OwnersList newestFirst() {
        return new TitleSearch.OwnersList(ownerId, ShareQuery.newestFirst(), Instant.now());
    }
}
