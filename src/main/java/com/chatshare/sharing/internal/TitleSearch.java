package com.chatshare.sharing.internal;

import com.chatshare.sharing.ModeratedLinkQuery;
import com.chatshare.sharing.ShareQuery;
import java.lang.Character.UnicodeScript;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
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
 * <p>It writes the whole query for both lists ({@link Listing}: which links, in which order, typed;
 * every value a bound parameter), so no SQL text comes in from its callers.
 *
 * @param words the words the index can answer, likely-rarest first
 * @param likes {@code like} patterns (escaped with {@code !}) the title must also match
 */
public record TitleSearch(List<String> words, List<String> likes) {

    /**
     * What moderators may see: every link but those for specific people that none of their readers
     * reported ({@code last_report_at} is set by the first report and never cleared). Part of every
     * read of the {@link ModerationQueue} (a link's detail included), and written again in JPQL in
     * {@link ShareLinkRepository#takeDown}, so the queue, the title search, the detail and a
     * takedown by id agree.
     */
    static final String VISIBLE_TO_MODERATORS = "(s.audience <> 'PEOPLE' or s.last_report_at is not null)";

    /** A column of {@code share_link} a page reads; in SQL its name in lower case. */
    public enum Column {
        ID, CONVERSATION_ID, OWNER_ID, TOKEN, TITLE, VISIBILITY, SHARED_BY_NAME, STATUS, TAKEDOWN_REASON,
        TAKEN_DOWN_BY, TAKEN_DOWN_AT, REMOVED_BY_OWNER_AT, SOURCE_LAST_POSITION, VIEW_COUNT, OPEN_REPORTS,
        LAST_REPORT_AT, OWNER_ACTIVE, AUDIENCE, EXPIRES_AT, CREATED_AT, UPDATED_AT;

        private String sql() {
            return "s." + name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which links a page lists, and in which order, besides the title search. */
    public sealed interface Listing permits OwnersList, ModerationQueue {
    }

    /**
     * One owner's links still in their list (not removed by them), narrowed and ordered as the data
     * controls ask (the query's search text is what {@link #of} reads, not used here).
     *
     * @param now which links have expired, for {@link ShareQuery.ExpiryFilter}
     */
    public record OwnersList(long ownerId, ShareQuery query, Instant now) implements Listing {
    }

    /**
     * The links moderators may see ({@link #VISIBLE_TO_MODERATORS}), narrowed and ordered as the
     * queue asks (the query's title search is what {@link #of} reads, not used here).
     */
    public record ModerationQueue(ModeratedLinkQuery query) implements Listing {
    }

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
    public static TitleSearch of(@Nullable String typed) {
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
     * One page of the links of {@code listing} that match this search, in the listing's order,
     * each row read from {@code columns} by {@code rows}.
     */
    public <T> List<T> find(JdbcTemplate jdbc, Listing listing, List<Column> columns, int offset, int limit,
            RowMapper<T> rows) {
        return find(jdbc, listing, columns, offset, limit, rows, WALK_ROWS);
    }

    /** {@link #find}, walking at most {@code walkRows} rows before asking the FULLTEXT index. */
    <T> List<T> find(JdbcTemplate jdbc, Listing listing, List<Column> columns, int offset, int limit,
            RowMapper<T> rows, int walkRows) {
        if (listing instanceof ModerationQueue(ModeratedLinkQuery query)
                && query.onlyIds() != null && query.onlyIds().isEmpty()) {
            return List.of();
        }
        List<Object> whereArguments = new ArrayList<>();
        String where = where(listing, whereArguments);
        String order = order(listing);
        String select = columns.stream().map(Column::sql).collect(Collectors.joining(", "));
        return findRows(jdbc, select, where, whereArguments, order, offset, limit, rows, walkRows);
    }

    private <T> List<T> findRows(JdbcTemplate jdbc, String columns, String where, List<Object> whereArguments,
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

    /** The {@code where …} clause of the listing on {@code share_link s}, without the title; adds its arguments. */
    private static String where(Listing listing, List<Object> arguments) {
        StringBuilder where = new StringBuilder("where ");
        switch (listing) {
            case OwnersList(long ownerId, ShareQuery query, Instant now) -> {
                where.append("s.owner_id = ? and s.removed_by_owner_at is null");
                arguments.add(ownerId);
                if (query.audience() != null) {
                    where.append(" and s.audience = ?");
                    arguments.add(query.audience().name());
                }
                // "Expired" as LinkHead.isExpired defines it: from the expiry on (expires_at <= now).
                switch (query.expiry()) {
                    case NEVER -> where.append(" and s.expires_at is null");
                    case EXPIRING -> {
                        where.append(" and s.expires_at > ?");
                        arguments.add(Timestamp.from(now));
                    }
                    case EXPIRED -> {
                        where.append(" and s.expires_at <= ?");
                        arguments.add(Timestamp.from(now));
                    }
                    case ANY -> {
                    }
                }
            }
            case ModerationQueue(ModeratedLinkQuery query) -> {
                where.append(VISIBLE_TO_MODERATORS);
                if (query.status() != null) {
                    where.append(" and s.status = ?");
                    arguments.add(query.status().name());
                }
                if (query.withOpenReports()) {
                    where.append(" and s.open_reports > 0");
                }
                if (query.token() != null) {
                    where.append(" and s.token = ?");
                    arguments.add(query.token().value());
                }
                if (query.ownerId() != null) {
                    where.append(" and s.owner_id = ?");
                    arguments.add(query.ownerId());
                }
                if (query.sharedFrom() != null) {
                    where.append(" and s.created_at >= ?");
                    arguments.add(Timestamp.from(query.sharedFrom()));
                }
                if (query.sharedBefore() != null) {
                    where.append(" and s.created_at < ?");
                    arguments.add(Timestamp.from(query.sharedBefore()));
                }
                if (query.onlyIds() != null) {
                    where.append(" and s.id in (")
                            .append(String.join(",", Collections.nCopies(query.onlyIds().size(), "?"))).append(")");
                    arguments.addAll(query.onlyIds());
                }
            }
        }
        return where.toString();
    }

    /** The listing's order, the id last so that pages never overlap. */
    private static String order(Listing listing) {
        return switch (listing) {
            case OwnersList owners -> {
                String direction = owners.query().descending() ? " desc" : " asc";
                yield switch (owners.query().sort()) {
                    case TITLE -> "s.title";
                    case CREATED -> "s.created_at";
                    case VIEWS -> "s.view_count";
                } + direction + ", s.id" + direction;
            }
            case ModerationQueue queue -> switch (queue.query().sort()) {
                case OPEN_REPORTS -> "s.open_reports desc, s.last_report_at desc";
                case LAST_REPORT -> "s.last_report_at desc";
                case CREATED -> "s.created_at desc";
                case VIEWS -> "s.view_count desc";
            } + ", s.id desc";
        };
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
