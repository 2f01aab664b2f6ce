package com.chatshare.conversations.internal;

import com.chatshare.conversations.MessageStatus;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface MessageRepository extends JpaRepository<Message, Long> {

    /** Every message of a conversation, every branch, oldest first: the data export. */
    List<Message> findByConversationIdOrderById(long conversationId);

    /** The shape of a conversation's tree, without the content (message_conversation_position_idx). */
    @Query("select new com.chatshare.conversations.internal.TreeNode(m.id, m.parentId, m.position) "
            + "from Message m where m.conversationId = :conversationId")
    List<TreeNode> findTree(long conversationId);

    long countByConversationId(long conversationId);

    @Modifying
    @Query("update Message m set m.status = :to where m.status = :from")
    int updateStatus(MessageStatus from, MessageStatus to);
}
