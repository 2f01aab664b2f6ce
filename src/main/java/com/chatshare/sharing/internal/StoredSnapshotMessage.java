package com.chatshare.sharing.internal;

import com.chatshare.conversations.MessageRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * The frozen copy of one message; never changed, only replaced as a whole by an update. JPA reads
 * and deletes these rows; {@link SnapshotBatchWriter} inserts them, in batches, so there is no
 * constructor for a new one.
 */
@Entity
@Table(name = "snapshot_message")
public class StoredSnapshotMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "share_link_id", nullable = false, updatable = false)
    private long shareLinkId;

    @Column(nullable = false, updatable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private MessageRole role;

    @Column(nullable = false, updatable = false, columnDefinition = "mediumtext")
    private String content;

    /** How many messages the owner left out just before this one: the page shows a marker there. */
    @Column(name = "omitted_before", nullable = false, updatable = false)
    private int omittedBefore;

    /** The model that wrote the answer; null for questions and answers from before it was recorded. */
    @Column(updatable = false, length = 200)
    private @Nullable String model;

    protected StoredSnapshotMessage() {
    }

    public MessageRole getRole() {
        return role;
    }

    public String getContent() {
        return content;
    }

    public int getOmittedBefore() {
        return omittedBefore;
    }

    public @Nullable String getModel() {
        return model;
    }
}
