package com.chatshare.conversations.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One person's custom instructions for the assistant: private, never shared or copied. */
@Entity
@Table(name = "custom_instruction")
public class CustomInstruction {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(nullable = false, columnDefinition = "text")
    private String content;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CustomInstruction() {
    }

    public String getContent() {
        return content;
    }
}
