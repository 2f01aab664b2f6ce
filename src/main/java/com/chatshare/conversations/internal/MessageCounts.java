package com.chatshare.conversations.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** Counts of finished messages after a position, for a page of conversations in one query. */
@Component
public class MessageCounts {

    private final JdbcTemplate jdbc;

    MessageCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Only the owner's conversations are counted; others are left out of the answer. */
    public Map<Long, Integer> finishedAfter(long ownerId, Map<Long, Integer> positionByConversation) {
        Map<Long, Integer> counts = new HashMap<>();
        if (positionByConversation.isEmpty()) {
            return counts;
        }
        List<Object> args = new ArrayList<>();
        args.add(ownerId);
        List<String> conditions = new ArrayList<>();
        positionByConversation.forEach((conversationId, position) -> {
            conditions.add("(m.conversation_id = ? and m.position > ?)");
            args.add(conversationId);
            args.add(position);
        });
        jdbc.query("select m.conversation_id, count(*) from message m join conversation c on c.id = m.conversation_id "
                        + "where c.owner_id = ? and m.status in ('COMPLETE', 'STOPPED') and m.content <> '' and ("
                        + String.join(" or ", conditions) + ") group by m.conversation_id",
                (RowCallbackHandler) rs -> counts.put(rs.getLong(1), rs.getInt(2)), args.toArray());
        return counts;
    }
}
