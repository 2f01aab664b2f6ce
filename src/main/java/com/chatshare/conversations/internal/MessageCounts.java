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
        // From each leaf on screen up towards the first message, stopping at the given position:
        // positions are depths, so the walk reads only the messages it counts.
        // MariaDB stops a recursive query silently after max_recursive_iterations (1,000 by
        // default since 10.6); a path is as long as a chat's limit.
        jdbc.query("set statement max_recursive_iterations = " + (ChatMessage.MAX_PER_CONVERSATION + 1)
                        + " for with recursive wanted as (" + String.join(" union all ", wanted) + "), "
                        + "path (conversation_id, parent_id, counted) as ("
                        + "select m.conversation_id, m.parent_id, " + COUNTED + " from conversation c "
                        + "join wanted w on w.conversation_id = c.id "
                        + "join message m on m.id = c.current_leaf_id and m.position > w.after_position "
                        + "where c.owner_id = ? "
                        + "union all "
                        + "select m.conversation_id, m.parent_id, " + COUNTED + " from path p "
                        + "join message m on m.id = p.parent_id "
                        + "join wanted w on w.conversation_id = m.conversation_id and m.position > w.after_position) "
                        + "select conversation_id, sum(counted) from path group by conversation_id "
                        + "having sum(counted) > 0",
                (RowCallbackHandler) rs -> counts.put(rs.getLong(1), rs.getInt(2)), args.toArray());
        return counts;
    }

    /** A finished (complete or stopped), non-blank message counts. */
    private static final String COUNTED =
            "case when m.status in ('COMPLETE', 'STOPPED') and m.content <> '' then 1 else 0 end";
}
