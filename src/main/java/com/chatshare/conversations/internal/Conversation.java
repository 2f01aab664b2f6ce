package com.chatshare.conversations.internal;

import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.ImportSource;
import com.chatshare.conversations.ModelOptions;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "conversation")
public class Conversation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private long ownerId;

    @Column(nullable = false, length = ConversationSummary.TITLE_MAX_LENGTH)
    private String title;

    @Column(name = "imported_from_share", nullable = false)
    private boolean importedFromShare;

    /** The service whose export it was imported from (decision 0028); null for a chat begun here. */
    @Enumerated(EnumType.STRING)
    @Column(name = "import_source", updatable = false, length = 16)
    private @Nullable ImportSource importSource;

    /** Its id in that export, so that importing the export again skips it. */
    @Column(name = "import_key", updatable = false, length = 100)
    private @Nullable String importKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "pinned_at")
    private @Nullable Instant pinnedAt;

    @Column(name = "archived_at")
    private @Nullable Instant archivedAt;

    /** The last message of the path on screen; null while the conversation has no message. */
    @Column(name = "current_leaf_id")
    private @Nullable Long currentLeafId;

    /** The model the owner picked for this chat; null for the configured default. */
    @Column(length = ModelOptions.NAME_MAX_LENGTH)
    private @Nullable String model;

    @Version
    private long version;

    protected Conversation() {
    }

    public Conversation(long ownerId, String title, boolean importedFromShare, Instant now) {
        this.ownerId = ownerId;
        this.title = title;
        this.importedFromShare = importedFromShare;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A chat imported from another service's export, with the dates it had there. */
    public Conversation(long ownerId, String title, ImportSource source, @Nullable String importKey,
            Instant createdAt, Instant updatedAt) {
        this(ownerId, title, false, createdAt);
        this.importSource = source;
        this.importKey = importKey;
        this.updatedAt = updatedAt;
    }

    public Long getId() {
        return id;
    }

    public long getOwnerId() {
        return ownerId;
    }

    public String getTitle() {
        return title;
    }

    public void rename(String title, Instant now) {
        this.title = title;
        this.updatedAt = now;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }

    public @Nullable Long getCurrentLeafId() {
        return currentLeafId;
    }

    /** Shows the path that ends at this message. */
    public void showPathTo(long leafId) {
        this.currentLeafId = leafId;
    }

    public boolean isImportedFromShare() {
        return importedFromShare;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** Pins it to the top of the chat list, or unpins it; pinning does not count as activity. */
    public void pin(boolean pinned, Instant now) {
        this.pinnedAt = pinned ? (pinnedAt == null ? now : pinnedAt) : null;
    }

    /**
     * Archives it (out of the chat list, still searchable and shared) or brings it back; an
     * archived chat is not pinned.
     */
    public void archive(boolean archived, Instant now) {
        this.archivedAt = archived ? (archivedAt == null ? now : archivedAt) : null;
        if (archived) {
            this.pinnedAt = null;
        }
    }

    public @Nullable String getModel() {
        return model;
    }

    /** Picks the model that answers from now on; choosing it changes no activity. */
    public void chooseModel(String model) {
        this.model = model;
    }

    public ConversationSummary toSummary() {
        return new ConversationSummary(id, title, updatedAt, importedFromShare, pinnedAt != null, archivedAt != null,
                importSource);
    }
}
