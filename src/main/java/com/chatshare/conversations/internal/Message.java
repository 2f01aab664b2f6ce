package com.chatshare.conversations.internal;

import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.MessageRole;
import com.chatshare.conversations.MessageStatus;
import com.chatshare.conversations.ModelOptions;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "message")
public class Message {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id", nullable = false, updatable = false)
    private long conversationId;

    /** The message this one answers or follows; null for a first message. Versions share their parent. */
    @Column(name = "parent_id", updatable = false)
    private @Nullable Long parentId;

    /** The depth along a path: 0 for a first message; versions of a message share it. */
    @Column(nullable = false, updatable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private MessageRole role;

    @Column(nullable = false, columnDefinition = "mediumtext")
    private String content;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MessageStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "from_share", nullable = false, updatable = false)
    private boolean fromShare;

    /** The model that writes or wrote an answer; null for questions. */
    @Column(updatable = false, length = ModelOptions.NAME_MAX_LENGTH)
    private @Nullable String model;

    protected Message() {
    }

    public Message(long conversationId, @Nullable Long parentId, int position, MessageRole role, String content,
            MessageStatus status, Instant now) {
        this.conversationId = conversationId;
        this.parentId = parentId;
        this.position = position;
        this.role = role;
        this.content = content;
        this.status = status;
        this.createdAt = now;
    }

    /** An answer being written by {@code model}. */
    public Message(long conversationId, @Nullable Long parentId, int position, MessageRole role, String content,
            MessageStatus status, Instant now, String model) {
        this(conversationId, parentId, position, role, content, status, now);
        this.model = model;
    }

    public Long getId() {
        return id;
    }

    public long getConversationId() {
        return conversationId;
    }

    public @Nullable Long getParentId() {
        return parentId;
    }

    public int getPosition() {
        return position;
    }

    public MessageRole getRole() {
        return role;
    }

    public MessageStatus getStatus() {
        return status;
    }

    public void finish(String content, MessageStatus status) {
        this.content = content;
        this.status = status;
    }

    public ChatMessage toChatMessage() {
        return new ChatMessage(id, position, role, content, status, createdAt, fromShare, model);
    }
}
