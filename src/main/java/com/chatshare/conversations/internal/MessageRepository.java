package com.chatshare.conversations.internal;

import com.chatshare.conversations.MessageStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface MessageRepository extends JpaRepository<Message, Long> {

    List<Message> findByConversationIdOrderByPosition(long conversationId);

    /** The newest messages first (message_conversation_position_uk read backwards). */
    Slice<Message> findByConversationIdOrderByPositionDesc(long conversationId, Pageable pageable);

    /** The messages before a position, the nearest first. */
    Slice<Message> findByConversationIdAndPositionLessThanOrderByPositionDesc(long conversationId, int position,
            Pageable pageable);

    @Query("select max(m.position) from Message m where m.conversationId = :conversationId")
    Optional<Integer> findLastPosition(long conversationId);

    @Modifying
    @Query("update Message m set m.status = :to where m.status = :from")
    int updateStatus(MessageStatus from, MessageStatus to);
}
