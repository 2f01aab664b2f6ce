package com.chatshare.bench;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.ChatSearchResult;
import com.chatshare.conversations.ConversationService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One user with 10,000 chats of 50 messages (500,000 messages, words drawn from a 6,000-word
 * vocabulary with Zipf frequencies, so a few words are in nearly every message and most are rare):
 * server time of {@link ConversationService#search} — first results, warm — over 50 searches of
 * common, middling and rare words, word beginnings, two words, short words and a word that is in no
 * chat. Run with bench/chat-search.sh; not part of the test suite, asserts no timings.
 */
@Tag("bench")
@IntegrationTest
class ChatSearchBench {

    static final int CHATS = 10_000;
    static final int MESSAGES_PER_CHAT = 50;
    static final int VOCABULARY = 6_000;
    static final int ROUNDS = 5;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ConversationService service;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    private final Random random = new Random(24);
    private final List<String> vocabulary = vocabulary();
    private final double[] cumulative = zipf();

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    @Test
    void ten_thousand_chats_of_fifty_messages() throws Exception {
        String username = "searchbench";
        accounts.register(new Registration(username, "Search Bench", "long-enough-password"));
        long userId = jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
        List<String> report = new ArrayList<>();
        long seedStart = System.nanoTime();
        seed(userId);
        report.add(String.format(Locale.ROOT, "seeded %,d chats with %,d messages each (%,d messages, %.0f MB of text) "
                        + "in %.0f s", CHATS, MESSAGES_PER_CHAT, CHATS * MESSAGES_PER_CHAT,
                jdbc.queryForObject("select sum(length(content)) from message m join conversation c "
                        + "on c.id = m.conversation_id where c.owner_id = ?", Long.class, userId) / 1e6,
                (System.nanoTime() - seedStart) / 1e9));
        jdbc.execute("analyze table conversation, message");

        SignedIn.as(users, username);
        Map<String, List<String>> queries = queries();
        // Warm: every search once, then the measured rounds.
        queries.values().forEach(list -> list.forEach(service::search));
        List<Double> all = new ArrayList<>();
        List<String> detail = new ArrayList<>();
        for (Map.Entry<String, List<String>> kind : queries.entrySet()) {
            List<Double> times = new ArrayList<>();
            StringBuilder rows = new StringBuilder();
            for (String typed : kind.getValue()) {
                int found = 0;
                List<Double> own = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    long start = System.nanoTime();
                    found = service.search(typed).size();
                    own.add((System.nanoTime() - start) / 1e6);
                }
                times.addAll(own);
                detail.add(String.format(Locale.ROOT, "  %-28s %2d results  median %6.1f ms", '"' + typed + '"', found,
                        own.stream().mapToDouble(Double::doubleValue).sorted().toArray()[ROUNDS / 2]));
                rows.append(rows.isEmpty() ? "" : ", ").append('"').append(typed).append("\" ").append(found);
            }
            all.addAll(times);
            report.add(line(kind.getKey(), times) + "   results: " + rows);
        }
        report.add(line("ALL " + queries.values().stream().mapToInt(List::size).sum() + " searches", all));
        List<Double> list = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            service.findConversations(PageRequest.of(0, 50));
            list.add((System.nanoTime() - start) / 1e6);
        }
        report.add(line("chat list: first page of 50 (pinned first), for comparison", list));

        report.add("each search (median of " + ROUNDS + "):");
        report.addAll(detail);
        for (String word : List.of(word(2_500), word(4_000), word(700))) {
            report.add("index alone for \"" + word + "\": " + indexAlone(word) + "; plan: " + String.join(" | ",
                    jdbc.query("explain select straight_join c.id, max(m.id) from message m join conversation c "
                            + "on c.id = m.conversation_id where match(m.content) against (? in boolean mode) "
                            + "and c.owner_id = ? group by c.id order by c.updated_at desc, c.id desc limit 50",
                            (rs, i) -> rs.getString("table") + " " + rs.getString("type") + " " + rs.getString("key")
                                    + " rows=" + rs.getString("rows") + " " + rs.getString("Extra"),
                            "+" + word + "*", userId)));
        }

        Path out = Path.of("target", "bench", "chat-search.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    /** Searches by kind: words by their rank in the vocabulary (1 = the most frequent). */
    private Map<String, List<String>> queries() {
        Map<String, List<String>> queries = new LinkedHashMap<>();
        queries.put("common words (rank 1-10)", List.of(word(1), word(2), word(3), word(5), word(8), word(10)));
        queries.put("frequent words (rank 50-300)", List.of(word(50), word(80), word(120), word(200), word(250),
                word(300)));
        queries.put("middling words (rank 500-1,500)", List.of(word(500), word(700), word(900), word(1_100),
                word(1_300), word(1_500)));
        queries.put("rare words (rank 2,000-6,000)", List.of(word(2_000), word(2_500), word(3_000), word(3_500),
                word(4_000), word(4_500), word(5_000), word(5_500), word(5_900), word(6_000)));
        queries.put("word beginnings (4 letters)", List.of(word(4).substring(0, 4), word(150).substring(0, 4),
                word(1_000).substring(0, 4), word(3_200).substring(0, 4), word(5_200).substring(0, 4),
                word(5_800).substring(0, 4)));
        queries.put("two words", List.of(word(1) + " " + word(2), word(2) + " " + word(3_000),
                word(100) + " " + word(400), word(4_000) + " " + word(5_000), word(700) + " " + word(1),
                word(2_200) + " " + word(2_300)));
        queries.put("short words (1-2 letters, walk only)", List.of("a", "ko", word(2).substring(0, 2),
                word(4_000).substring(0, 2)));
        queries.put("in no chat", List.of("zzyzx", "quokkaburger", "xylophonic", "nonexistentword",
                "qqqqq", "vvvvvvvv"));
        return queries;
    }

    /** Time and size of the FULLTEXT lookup on its own, and joined to the chats, for a diagnosis. */
    private String indexAlone(String word) {
        long start = System.nanoTime();
        Integer docs = jdbc.queryForObject("select count(*) from message where match(content) against (? in boolean mode)",
                Integer.class, "+" + word + "*");
        double alone = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        jdbc.queryForList("select straight_join c.id, max(m.id) from message m join conversation c on c.id = m.conversation_id "
                + "where match(m.content) against (? in boolean mode) group by c.id order by c.updated_at desc, c.id desc "
                + "limit 50", "+" + word + "*");
        double joined = (System.nanoTime() - start) / 1e6;
        return String.format(Locale.ROOT, "%d messages, %.1f ms; joined and grouped %.1f ms", docs, alone, joined);
    }

    private String word(int rank) {
        return vocabulary.get(rank - 1);
    }

    private void seed(long userId) {
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        List<Object[]> chats = new ArrayList<>();
        for (int i = 0; i < CHATS; i++) {
            Timestamp at = Timestamp.from(base.plusSeconds(i * 600L));
            chats.add(new Object[] {userId, sentence(3 + random.nextInt(4)), at, at});
        }
        transactions.executeWithoutResult(status -> jdbc.batchUpdate("insert into conversation (owner_id, title, "
                + "imported_from_share, created_at, updated_at) values (?, ?, false, ?, ?)", chats));
        List<Long> ids = jdbc.queryForList("select id from conversation where owner_id = ? order by id", Long.class,
                userId);
        List<Object[]> batch = new ArrayList<>();
        for (int chat = 0; chat < ids.size(); chat++) {
            Timestamp at = Timestamp.from(base.plusSeconds(chat * 600L));
            for (int position = 0; position < MESSAGES_PER_CHAT; position++) {
                batch.add(new Object[] {ids.get(chat), position, position % 2 == 0 ? "USER" : "ASSISTANT",
                        sentence(position % 2 == 0 ? 8 + random.nextInt(12) : 25 + random.nextInt(40)), at});
            }
            if (batch.size() >= 10_000 || chat == ids.size() - 1) {
                List<Object[]> rows = batch;
                transactions.executeWithoutResult(status -> jdbc.batchUpdate("insert into message (conversation_id, "
                        + "position, role, content, status, created_at) values (?, ?, ?, ?, 'COMPLETE', ?)", rows));
                batch = new ArrayList<>();
            }
        }
    }

    private String sentence(int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(random.nextInt(12) == 0 ? ", " : " ");
            }
            double pick = random.nextDouble();
            int rank = Arrays.binarySearch(cumulative, pick);
            text.append(vocabulary.get(Math.min(VOCABULARY - 1, rank < 0 ? -rank - 1 : rank)));
        }
        text.setCharAt(0, Character.toUpperCase(text.charAt(0)));
        return text.append('.').toString();
    }

    /** Pronounceable made-up words, 4 to 11 letters, all different, in a fixed order. */
    private static List<String> vocabulary() {
        Random random = new Random(6);
        String[] syllables = {"ba", "ke", "lo", "mi", "nu", "ra", "se", "ti", "vo", "za", "pre", "stu", "qua", "dor",
                "fen", "gil", "har", "jov", "ling", "mer", "nob", "por", "rix", "sal", "tum", "vex", "wal", "yor"};
        Set<String> words = new TreeSet<>();
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < VOCABULARY) {
            StringBuilder word = new StringBuilder();
            int parts = 2 + random.nextInt(3);
            for (int i = 0; i < parts; i++) {
                word.append(syllables[random.nextInt(syllables.length)]);
            }
            if (word.length() >= 4 && words.add(word.toString())) {
                ordered.add(word.toString());
            }
        }
        return ordered;
    }

    private static double[] zipf() {
        double[] cumulative = new double[VOCABULARY];
        double sum = 0;
        for (int rank = 1; rank <= VOCABULARY; rank++) {
            sum += 1.0 / rank;
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < VOCABULARY; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static String line(String name, List<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "%-40s median %6.1f ms   p95 %6.1f ms   max %6.1f ms   (%d calls)", name,
                sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1],
                sorted[sorted.length - 1], sorted.length);
    }
}
