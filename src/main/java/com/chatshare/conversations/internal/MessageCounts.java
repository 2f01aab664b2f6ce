package com.chatshare.conversations.internal;

import com.chatshare.conversations.ChatMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** Counts of finished messages after a position on the path on screen, for a page of conversations in one query. */
@Component
public class MessageCounts {

    private final JdbcTemplate jdbc;

    MessageCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Only the owner's conversations are counted, along the path each one shows (decision 0023);
     * others are left out of the answer.
     */
    public Map<Long, Integer> finishedAfter(long ownerId, Map<Long, Integer> positionByConversation) {
        Map<Long, Integer> counts = new HashMap<>();
        if (positionByConversation.isEmpty()) {
            return counts;
        }
        List<Object> args = new ArrayList<>();
        List<String> wanted = new ArrayList<>();
        positionByConversation.forEach((conversationId, position) -> {
            wanted.add("select ? as conversation_id, ? as after_position");
            args.add(conversationId);
            args.add(position);
        });
        args.add(ownerId);
        // Every message after the given position in each of the owner's wanted conversations, with
        // its parent and whether it counts, and the conversation's leaf; the path on screen is then
        // walked up from the leaf here. Positions are depths, so the walk leaves the rows at the
        // first message at or before the position. (A recursive query walked it in MariaDB, one
        // iteration per message: over 4 s for a 1,500-message path on a loaded machine, past the
        // connection's socket timeout.)
        Map<Long, Long> leafByConversation = new HashMap<>();
        Map<Long, Map<Long, long[]>> messagesByConversation = new HashMap<>();
        jdbc.query("with wanted as (" + String.join(" union all ", wanted) + ") "
                        + "select m.conversation_id, c.current_leaf_id, m.id, m.parent_id, " + COUNTED + " "
                        + "from wanted w join conversation c on c.id = w.conversation_id and c.owner_id = ? "
                        + "join message m on m.conversation_id = w.conversation_id and m.position > w.after_position",
                (RowCallbackHandler) rs -> {
                    long conversationId = rs.getLong(1);
                    long leaf = rs.getLong(2);
                    if (!rs.wasNull()) {
                        leafByConversation.put(conversationId, leaf);
                    }
                    long parent = rs.getLong(4);
                    long parentId = rs.wasNull() ? -1 : parent;
                    messagesByConversation.computeIfAbsent(conversationId, id -> new HashMap<>())
                            .put(rs.getLong(3), new long[] {parentId, rs.getInt(5)});
                }, args.toArray());
        leafByConversation.forEach((conversationId, leaf) -> {
            Map<Long, long[]> messages = messagesByConversation.get(conversationId);
            int counted = 0;
            long[] message = messages.get(leaf);
            for (int steps = 0; message != null && steps <= ChatMessage.MAX_PER_CONVERSATION; steps++) {
                counted += (int) message[1];
                message = messages.get(message[0]);
            }
            if (counted > 0) {
                counts.put(conversationId, counted);
            }
        });
        return counts;
    }

    /** A finished (complete or stopped), non-blank message counts. */
    private static final String COUNTED =
            "case when m.status in ('COMPLETE', 'STOPPED') and m.content <> '' then 1 else 0 end";
}
