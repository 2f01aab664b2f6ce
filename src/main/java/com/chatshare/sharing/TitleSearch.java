package com.chatshare.sharing;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Search in link titles, as the data controls and the moderation queue offer it: every word typed
 * must begin a word of the title ({@code ban} finds "Banana bread", {@code bread ban} too; case and
 * accents do not matter). It runs on the title's FULLTEXT index (V8), so it stays fast over millions
 * of links; see docs/decisions/0006-title-search.md.
 *
 * <p>The index leaves out words shorter than the server's {@code innodb_ft_min_token_size} (3 by
 * default) and cannot split scripts written without spaces, so such words are matched as plain
 * substrings instead ({@code like}); on their own they scan the rows the other conditions leave.
 *
 * @param fulltext the boolean-mode FULLTEXT query ({@code +word* +word*}), or empty
 * @param likes    {@code like} patterns (escaped with {@code !}) the title must also match
 */
public record TitleSearch(String fulltext, List<String> likes) {

    /** InnoDB's default {@code innodb_ft_min_token_size}; shorter words are not in the index. */
    static final int MIN_INDEXED_LENGTH = 3;
    /** InnoDB's {@code innodb_ft_max_token_size}; longer words are not in the index either. */
    static final int MAX_INDEXED_LENGTH = 84;
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}\\p{M}_]+");
    private static final Set<UnicodeScript> WITHOUT_SPACES = Set.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA,
            UnicodeScript.KATAKANA, UnicodeScript.THAI, UnicodeScript.LAO, UnicodeScript.KHMER, UnicodeScript.MYANMAR);

    /**
     * InnoDB intersects the terms in the order given, and the cost is in the intermediate sets, so
     * the likely rarest word goes first: words with digits (numbers, versions, ids), then longer
     * words before shorter ones. Measured in BENCHMARKS.md: 17 ms instead of 115 ms when two of three
     * words are in every one of 100,000 titles.
     */
    private static final Comparator<String> LIKELY_RAREST_FIRST = Comparator
            .comparing((String word) -> word.chars().noneMatch(Character::isDigit))
            .thenComparing(Comparator.comparingInt(String::length).reversed());

    /** The search for what a user typed; {@link #isEmpty()} when it holds no word. */
    public static TitleSearch of(String typed) {
        List<String> terms = new ArrayList<>();
        List<String> likes = new ArrayList<>();
        if (typed != null) {
            for (String word : WORD_SEPARATORS.split(typed.strip().toLowerCase(Locale.ROOT))) {
                if (word.isEmpty()) {
                    continue;
                }
                if (indexed(word)) {
                    terms.add(word);
                } else {
                    likes.add("%" + word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
                }
            }
        }
        String fulltext = terms.stream().distinct().sorted(LIKELY_RAREST_FIRST)
                .map(word -> "+" + word + "*").collect(Collectors.joining(" "));
        return new TitleSearch(fulltext, List.copyOf(likes));
    }

    public boolean isEmpty() {
        return fulltext.isEmpty() && likes.isEmpty();
    }

    /**
     * The SQL condition on {@code column} (prefixed with {@code and}), with one {@code ?} per
     * {@link #arguments()} value in order.
     */
    public String condition(String column) {
        StringBuilder sql = new StringBuilder();
        if (!fulltext.isEmpty()) {
            sql.append(" and match(").append(column).append(") against (? in boolean mode)");
        }
        likes.forEach(like -> sql.append(" and ").append(column).append(" like ? escape '!'"));
        return sql.toString();
    }

    public List<Object> arguments() {
        List<Object> arguments = new ArrayList<>();
        if (!fulltext.isEmpty()) {
            arguments.add(fulltext);
        }
        arguments.addAll(likes);
        return arguments;
    }

    private static boolean indexed(String word) {
        int length = word.codePointCount(0, word.length());
        return length >= MIN_INDEXED_LENGTH && length <= MAX_INDEXED_LENGTH
                && word.codePoints().noneMatch(c -> WITHOUT_SPACES.contains(UnicodeScript.of(c)));
    }
}
