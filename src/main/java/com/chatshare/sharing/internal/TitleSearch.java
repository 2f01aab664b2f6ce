package com.chatshare.sharing.internal;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import com.chatshare.sharing.ShareQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Search in link titles, as the data controls and the moderation queue offer it: every word typed
 * must begin a word of the title ({@code ban} finds "Banana bread", {@code bread ban} too; case and
 * accents do not matter). See docs/decisions/0006-title-search.md.
 *
 * <p>Two ways to find the rows, with the same matches: a FULLTEXT index on the title (V8) for the
 * likely rarest word, the other words checked on each row's {@code title_words} (V9), fast when
 * that word is rare and slow when it is in most titles (all of them come back to be sorted); and a
 * walk down the requested order's index checking {@code title_words}, fast when matches are dense. {@link #find} walks a bounded number of rows first and asks
 * the index only when the walk did not fill the page.
 *
 * <p>The index leaves out words shorter than the server's {@code innodb_ft_min_token_size} (3 by
 * default) and cannot split scripts written without spaces, so such words are matched as plain
 * substrings instead ({@code like}).
 *
 * @param words the words the index can answer, likely-rarest first
 * @param likes {@code like} patterns (escaped with {@code !}) the title must also match
 */
public record TitleSearch(List<String> words, List<String> likes) {

    /** InnoDB's default {@code innodb_ft_min_token_size}; shorter words are not in the index. */
    static final int MIN_INDEXED_LENGTH = 3;
    /** InnoDB's {@code innodb_ft_max_token_size}; longer words are not in the index either. */
    static final int MAX_INDEXED_LENGTH = 84;
    /** The most words one search checks. */
    static final int MAX_WORDS = 10;
    /** How many rows of the sorted index a search walks before it asks the FULLTEXT index. */
    static final int WALK_ROWS = 2_000;
    /** Word characters as InnoDB's FULLTEXT parser and V9's {@code title_words} see them. */
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}_]+");
    private static final Set<UnicodeScript> WITHOUT_SPACES = Set.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA,
            UnicodeScript.KATAKANA, UnicodeScript.THAI, UnicodeScript.LAO, UnicodeScript.KHMER, UnicodeScript.MYANMAR);
    /**
     * Only the first word goes to the FULLTEXT index (reading a common word's list of a million
     * titles costs about 150 ms, checking it on the rows the rare word found costs nothing), so the
     * likely rarest word goes first: words with digits (numbers, versions, ids), then longer words
     * before shorter ones.
     */
    private static final Comparator<String> LIKELY_RAREST_FIRST = Comparator
            .comparing((String word) -> word.chars().noneMatch(Character::isDigit))
            .thenComparing(Comparator.comparingInt(String::length).reversed());

    /**
     * The search for what a user typed; {@link #isEmpty()} when it holds no word. Only the first
     * {@link ShareQuery#SEARCH_MAX_LENGTH} characters and {@link #MAX_WORDS} words count, so a
     * pasted essay costs no more than a short search.
     */
    public static TitleSearch of(String typed) {
        List<String> words = new ArrayList<>();
        List<String> likes = new ArrayList<>();
        if (typed != null) {
            String text = typed.strip();
            if (text.length() > ShareQuery.SEARCH_MAX_LENGTH) {
                text = text.substring(0, ShareQuery.SEARCH_MAX_LENGTH);
            }
            for (String word : WORD_SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
                if (word.isEmpty()) {
                    continue;
                }
                if (words.size() + likes.size() == MAX_WORDS) {
                    break;
                }
                if (indexed(word)) {
                    words.add(word);
                } else {
                    likes.add("%" + escape(word) + "%");
                }
            }
        }
        return new TitleSearch(words.stream().distinct().sorted(LIKELY_RAREST_FIRST).toList(), List.copyOf(likes));
    }

    public boolean isEmpty() {
        return words.isEmpty() && likes.isEmpty();
    }

    /**
     * The rows of {@code share_link s} that pass {@code where} (a {@code where …} clause on
     * {@code s} without the title, with {@code whereArguments}) and this search, in {@code order},
     * mapped from {@code columns} (a select list on {@code s}).
     */
    public <T> List<T> find(JdbcTemplate jdbc, String columns, String where, List<Object> whereArguments,
            String order, int offset, int limit, RowMapper<T> rows) {
        return find(jdbc, columns, where, whereArguments, order, offset, limit, rows, WALK_ROWS);
    }

    /** {@link #find}, walking at most {@code walkRows} rows before asking the FULLTEXT index. */
    <T> List<T> find(JdbcTemplate jdbc, String columns, String where, List<Object> whereArguments,
            String order, int offset, int limit, RowMapper<T> rows, int walkRows) {
        if (!words.isEmpty()) {
            List<Object> arguments = new ArrayList<>(whereArguments);
            arguments.add(walkRows);
            arguments.addAll(patterns(words));
            List<T> walked = page(jdbc, rows, "select " + columns + " from share_link s where s.id in (select w.id from "
                    + "(select s.id, s.title, s.title_words from share_link s " + where + " order by " + order
                    + " limit ?) w where 1 = 1" + conditions("w", words.size()) + ")", arguments, order, offset, limit);
            if (walked.size() == limit || rowsWithin(jdbc, where, whereArguments, walkRows) <= walkRows) {
                return walked; // a full page, or the walk saw every row: exact either way
            }
        }
        List<Object> arguments = new ArrayList<>(whereArguments);
        String condition = "";
        if (!words.isEmpty()) {
            // The index for the likely rarest word only; the others are checked on the rows it finds.
            condition = " and match(s.title) against (? in boolean mode)";
            arguments.add("+" + words.getFirst() + "*");
        }
        List<String> checked = words.isEmpty() ? words : words.subList(1, words.size());
        arguments.addAll(patterns(checked));
        return page(jdbc, rows, "select " + columns + " from share_link s " + where + condition
                + conditions("s", checked.size()), arguments, order, offset, limit);
    }

    private static <T> List<T> page(JdbcTemplate jdbc, RowMapper<T> rows, String sql, List<Object> arguments,
            String order, int offset, int limit) {
        List<Object> all = new ArrayList<>(arguments);
        all.add(limit);
        all.add(offset);
        return jdbc.query(sql + " order by " + order + " limit ? offset ?", rows, all.toArray());
    }

    private static int rowsWithin(JdbcTemplate jdbc, String where, List<Object> whereArguments, int walkRows) {
        List<Object> arguments = new ArrayList<>(whereArguments);
        arguments.add(walkRows + 1);
        return jdbc.queryForObject("select count(*) from (select 1 from share_link s " + where + " limit ?) x",
                Integer.class, arguments.toArray());
    }

    /** {@code like} checks on table {@code alias}: {@code words} word beginnings, then the substrings. */
    private String conditions(String alias, int words) {
        return (" and " + alias + ".title_words like ? escape '!'").repeat(words)
                + (" and " + alias + ".title like ? escape '!'").repeat(likes.size());
    }

    /** The arguments of {@link #conditions}: a word beginning for each of {@code checked}, then the substrings. */
    private List<String> patterns(List<String> checked) {
        List<String> patterns = new ArrayList<>();
        checked.forEach(word -> patterns.add("% " + escape(word) + "%"));
        patterns.addAll(likes);
        return patterns;
    }

    private static String escape(String word) {
        return word.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static boolean indexed(String word) {
        int length = word.codePointCount(0, word.length());
        return length >= MIN_INDEXED_LENGTH && length <= MAX_INDEXED_LENGTH
                && word.codePoints().noneMatch(c -> WITHOUT_SPACES.contains(UnicodeScript.of(c)));
    }
}
