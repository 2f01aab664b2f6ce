package com.chatshare.conversations.internal;

import com.chatshare.conversations.ChatSearchResult;
import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a person typed into the chat search, as words: every one must begin a word of the title or
 * of one message ({@code shar} finds "sharing"; case and accents do not matter), the way the links
 * grid searches titles (docs/decisions/0006-title-search.md, 0021-chat-search.md).
 *
 * @param words words the FULLTEXT index can answer (lower case), likely-rarest first
 * @param fragments words it cannot (shorter than three letters, or in a script written without
 *        spaces), matched as substrings instead
 */
public record SearchWords(List<String> words, List<String> fragments) {

    /** InnoDB's default {@code innodb_ft_min_token_size}; shorter words are not in the index. */
    static final int MIN_INDEXED_LENGTH = 3;
    /** InnoDB's {@code innodb_ft_max_token_size}; longer words are not in the index either. */
    static final int MAX_INDEXED_LENGTH = 84;
    /** The most words one search checks. */
    static final int MAX_WORDS = 10;
    /** Word characters as InnoDB's FULLTEXT parser sees them. */
    static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}_]+");
    private static final Set<UnicodeScript> WITHOUT_SPACES = Set.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA,
            UnicodeScript.KATAKANA, UnicodeScript.THAI, UnicodeScript.LAO, UnicodeScript.KHMER, UnicodeScript.MYANMAR);
    /** Only the first word asks the index, so the likely rarest goes first: with digits, then longest. */
    private static final Comparator<String> LIKELY_RAREST_FIRST = Comparator
            .comparing((String word) -> word.chars().noneMatch(Character::isDigit))
            .thenComparing(Comparator.comparingInt(String::length).reversed());

    public SearchWords {
        words = List.copyOf(words);
        fragments = List.copyOf(fragments);
    }

    /**
     * The words of what was typed: only the first {@link ChatSearchResult#QUERY_MAX_LENGTH}
     * characters and {@link #MAX_WORDS} words count, so a pasted essay costs no more than a short
     * search; punctuation and search operators ({@code " * + - @ ( )}) only separate words.
     */
    public static SearchWords of(String typed) {
        String text = typed.strip();
        if (text.length() > ChatSearchResult.QUERY_MAX_LENGTH) {
            text = text.substring(0, ChatSearchResult.QUERY_MAX_LENGTH);
        }
        List<String> words = new ArrayList<>();
        List<String> fragments = new ArrayList<>();
        for (String word : WORD_SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
            if (word.isEmpty() || words.contains(word) || fragments.contains(word)) {
                continue;
            }
            if (words.size() + fragments.size() == MAX_WORDS) {
                break;
            }
            (indexed(word) ? words : fragments).add(word);
        }
        return new SearchWords(words.stream().sorted(LIKELY_RAREST_FIRST).toList(), fragments);
    }

    public boolean isEmpty() {
        return words.isEmpty() && fragments.isEmpty();
    }

    private static boolean indexed(String word) {
        int length = word.codePointCount(0, word.length());
        return length >= MIN_INDEXED_LENGTH && length <= MAX_INDEXED_LENGTH
                && word.codePoints().noneMatch(c -> WITHOUT_SPACES.contains(UnicodeScript.of(c)));
    }
}
