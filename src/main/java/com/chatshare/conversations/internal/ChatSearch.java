package com.chatshare.conversations.internal;

import com.chatshare.conversations.ChatSearchResult;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MarkedText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Search in one owner's chats, titles and messages, newest chat first: a chat is found when its
 * title, or one of its messages, holds every word searched for ({@link SearchWords}). Archived
 * chats are found too. See docs/decisions/0021-chat-search.md.
 *
 * <p>Two ways to find them, as the links grid's title search does: a walk down the owner's newest
 * {@link #WALK_CHATS} chats, {@link #WALK_STEP} at a time, checking their messages newest first
 * (fast when matches are dense: a common word fills the page in one step, stopping at the first
 * message of each chat), given up as soon as its rate of matches shows it would not fill the page;
 * and, when the walk did not fill the page and the owner has more chats, the FULLTEXT indexes of
 * V20 for the likely rarest word, the other words checked on the rows it finds (fast when the word
 * is rare). Searches with no word the index can answer (only one- or two-letter words) walk only.
 *
 * <p>Every value is a bound parameter; the SQL text is the class's own.
 */
@Component
public class ChatSearch {

    /** How many of the owner's newest chats a search walks before it asks the FULLTEXT index. */
    static final int WALK_CHATS = 500;
    /** How many chats one step of the walk reads. */
    static final int WALK_STEP = 50;
    /** Word characters as InnoDB's FULLTEXT parser sees them, for {@code regexp_replace}. */
    private static final String NOT_WORD = "[^\\p{L}\\p{N}_]+";
    private static final String CHAT_COLUMNS = "c.id, c.title, c.updated_at, c.imported_from_share, c.pinned_at, "
            + "c.archived_at";
    private static final Comparator<Found> NEWEST_FIRST = Comparator
            .comparing((Found found) -> found.chat().updatedAt()).thenComparing(found -> found.chat().id())
            .reversed();

    private final JdbcTemplate jdbc;

    ChatSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} of the owner's chats matching {@code search}, newest first, with snippets. */
    public List<ChatSearchResult> find(long ownerId, SearchWords search, int limit) {
        return find(ownerId, search, limit, WALK_CHATS);
    }

    /** {@link #find}, walking at most {@code walkChats} chats before asking the FULLTEXT index. */
    List<ChatSearchResult> find(long ownerId, SearchWords search, int limit, int walkChats) {
        if (search.isEmpty()) {
            return List.of();
        }
        Walk walk = walk(ownerId, search, limit, walkChats);
        List<Found> found = walk.found();
        if (found.size() < limit && !search.words().isEmpty() && !walk.sawEveryChat()) {
            found = fromIndex(ownerId, search, limit);
        }
        return withSnippets(found, new Marks(search));
    }

    /** What a walk found, and whether it saw all the owner's chats (then that is the whole answer). */
    private record Walk(List<Found> found, boolean sawEveryChat) {
    }

    /**
     * Down the owner's chats, newest first, {@link #WALK_STEP} at a time, until the page is full or
     * {@code walkChats} were seen: a common word is done after the first step.
     */
    private Walk walk(long ownerId, SearchWords search, int limit, int walkChats) {
        List<Found> found = new ArrayList<>();
        List<Object> checks = new ArrayList<>();
        String inMessage = conditions("m.content", search.words(), search.fragments(), checks);
        String inTitle = conditions("c.title", search.words(), search.fragments(), checks);
        String select = "select " + CHAT_COLUMNS + ", (select m.id from message m where m.conversation_id = c.id"
                + inMessage + " order by m.position desc limit 1) message_id, case when 1 = 1" + inTitle
                + " then 1 else 0 end title_match from conversation c where c.owner_id = ?";
        @Nullable Found last = null;
        int seen = 0;
        while (seen < walkChats) {
            int step = Math.min(WALK_STEP, walkChats - seen);
            List<Object> arguments = new ArrayList<>(checks);
            arguments.add(ownerId);
            String after = "";
            if (last != null) {
                // Keyset, on the chat list's index (owner_id, updated_at desc, id desc).
                after = " and (c.updated_at < ? or (c.updated_at = ? and c.id < ?))";
                Timestamp at = Timestamp.from(last.chat().updatedAt());
                arguments.addAll(List.of(at, at, last.chat().id()));
            }
            arguments.add(step);
            List<Walked> rows = jdbc.query(select + after + " order by c.updated_at desc, c.id desc limit ?",
                    ChatSearch::walked, arguments.toArray());
            rows.stream().filter(Walked::matched).map(Walked::found).forEach(found::add);
            if (found.size() >= limit) {
                return new Walk(found.subList(0, limit), false);
            }
            if (rows.size() < step) {
                return new Walk(found, true);
            }
            seen += rows.size();
            last = rows.getLast().found();
            if (!search.words().isEmpty() && (long) found.size() * walkChats < (long) limit * seen) {
                // At this rate the walk would not fill the page: the matches are sparse, which is
                // what the index is fast at.
                return new Walk(found, false);
            }
        }
        return new Walk(found, false);
    }

    /** The index answers for the likely rarest word; the other words are checked on the rows it finds. */
    private List<Found> fromIndex(long ownerId, SearchWords search, int limit) {
        List<String> words = rarestFirst(ownerId, search.words());
        String indexed = "+" + words.getFirst() + "*";
        List<String> others = words.subList(1, words.size());

        List<Object> arguments = new ArrayList<>(List.of(indexed, ownerId));
        String inMessage = conditions("m.content", others, search.fragments(), arguments);
        arguments.add(limit);
        // straight_join: from the index's rows to their chats, never every chat's messages against the index.
        List<Found> inMessages = jdbc.query("select straight_join " + CHAT_COLUMNS + ", max(m.id) message_id "
                + "from message m join conversation c on c.id = m.conversation_id "
                + "where match(m.content) against (? in boolean mode) and c.owner_id = ?" + inMessage
                + " group by " + CHAT_COLUMNS + " order by c.updated_at desc, c.id desc limit ?", FOUND,
                arguments.toArray());

        arguments = new ArrayList<>(List.of(ownerId, indexed));
        String inTitle = conditions("c.title", others, search.fragments(), arguments);
        arguments.add(limit);
        List<Found> inTitles = jdbc.query("select " + CHAT_COLUMNS + ", null message_id "
                + "from conversation c where c.owner_id = ? and match(c.title) against (? in boolean mode)" + inTitle
                + " order by c.updated_at desc, c.id desc limit ?", FOUND, arguments.toArray());

        Map<Long, Found> byChat = new LinkedHashMap<>();
        inMessages.forEach(found -> byChat.put(found.chat().id(), found));
        inTitles.forEach(found -> byChat.putIfAbsent(found.chat().id(), found));
        return byChat.values().stream().sorted(NEWEST_FIRST).limit(limit).toList();
    }

    /**
     * The words, the one in the fewest of the owner's {@link #WALK_STEP} newest chats first (ties
     * as typed-order heuristics put them): the index reads that word's whole list, and a word in
     * every message costs hundreds of milliseconds where a rare one costs a few.
     */
    private List<String> rarestFirst(long ownerId, List<String> words) {
        if (words.size() < 2) {
            return words;
        }
        List<Object> arguments = new ArrayList<>();
        StringBuilder counts = new StringBuilder();
        for (String word : words) {
            counts.append(counts.isEmpty() ? "" : ", ").append("sum(exists(select 1 from message m "
                    + "where m.conversation_id = c.id and m.content like ? escape '!'))");
            arguments.add("%" + escape(word) + "%");
        }
        arguments.addAll(List.of(ownerId, WALK_STEP));
        List<Long> inChats = jdbc.queryForObject("select " + counts + " from (select id from conversation "
                + "where owner_id = ? order by updated_at desc, id desc limit ?) c", (rs, row) -> {
                    List<Long> values = new ArrayList<>();
                    for (int i = 1; i <= words.size(); i++) {
                        values.add(rs.getLong(i));
                    }
                    return values;
                }, arguments.toArray());
        List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, words.size()).boxed().toList());
        order.sort(Comparator.comparing(inChats::get));
        return order.stream().map(words::get).toList();
    }

    /**
     * {@code and …} checks that {@code column} holds every word at a word's beginning and every
     * fragment anywhere (a plain {@code like} first, cheap, then the words of the text as V9 makes
     * them for link titles); adds their arguments.
     */
    private static String conditions(String column, List<String> words, List<String> fragments,
            List<Object> arguments) {
        StringBuilder sql = new StringBuilder();
        for (String word : words) {
            sql.append(" and ").append(column).append(" like ? escape '!' and concat(' ', regexp_replace(")
                    .append(column).append(", ?, ' ')) like ? escape '!'");
            arguments.addAll(List.of("%" + escape(word) + "%", NOT_WORD, "% " + escape(word) + "%"));
        }
        for (String fragment : fragments) {
            sql.append(" and ").append(column).append(" like ? escape '!'");
            arguments.add("%" + escape(fragment) + "%");
        }
        return sql.toString();
    }

    private List<ChatSearchResult> withSnippets(List<Found> found, Marks marks) {
        List<Long> messageIds = found.stream().map(Found::messageId).filter(id -> id != null).toList();
        Map<Long, String> contents = new LinkedHashMap<>();
        if (!messageIds.isEmpty()) {
            jdbc.query("select id, content from message where id in ("
                            + String.join(", ", Collections.nCopies(messageIds.size(), "?")) + ")",
                    (RowCallbackHandler) rs -> contents.put(rs.getLong(1), rs.getString(2)), messageIds.toArray());
        }
        return found.stream().map(hit -> {
            String content = hit.messageId() == null ? null : contents.get(hit.messageId());
            return new ChatSearchResult(hit.chat(), marks.all(hit.chat().title()),
                    content == null ? null : hit.messageId(),
                    content == null ? MarkedText.plain("") : marks.snippet(content));
        }).toList();
    }

    private static String escape(String word) {
        return word.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private record Found(ConversationSummary chat, @Nullable Long messageId) {
    }

    /** A chat the walk read: {@code matched} when its title or one of its messages did. */
    private record Walked(Found found, boolean matched) {
    }

    private static Walked walked(ResultSet rs, int row) throws SQLException {
        Found found = found(rs, row);
        return new Walked(found, found.messageId() != null || rs.getInt("title_match") == 1);
    }

    private static final RowMapper<Found> FOUND = ChatSearch::found;

    private static Found found(ResultSet rs, int row) throws SQLException {
        long messageId = rs.getLong("message_id");
        Long message = rs.wasNull() ? null : messageId;
        return new Found(new ConversationSummary(rs.getLong("id"), rs.getString("title"),
                rs.getTimestamp("updated_at").toInstant(), rs.getBoolean("imported_from_share"),
                rs.getTimestamp("pinned_at") != null, rs.getTimestamp("archived_at") != null), message);
    }
}
