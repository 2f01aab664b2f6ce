package com.chatshare.sharing.internal;

import com.chatshare.sharing.LinkHead;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareStatus;
import com.chatshare.sharing.ShareToken;
import com.chatshare.sharing.ShareVisibility;
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
import org.hibernate.annotations.DynamicUpdate;
import org.jspecify.annotations.Nullable;

/**
 * A shared link: the aggregate that sharing alone writes. Through the entity only the owner's
 * Update changes it, on a row it holds locked
 * ({@link ShareLinkRepository#lockByConversationIdAndOwnerId}): {@link #resnapshot} (title,
 * attribution, snapshot version) and {@link #restrict} (audience and expiry). Everything else is a
 * set-based statement: {@link ShareLinkRepository}'s — moderation's {@code takeDown} and
 * {@code reinstate} (which bump {@link #version}, so an entity read before them can no longer be
 * written), the counters {@code addViews} and {@code recordReport}, which add to their own
 * columns, {@code clearOpenReports} and {@code setOwnerActive} — and the SQL of
 * {@link OwnedLinks} (an owner's bulk audience, expiry and delete), of {@link ModeratedLinks}
 * (deletes that end a takedown of a removed link) and of the sharing policy when it narrows
 * audiences and expiries.
 *
 * <p>The columns only those statements write are not updatable from the entity, and updates write
 * only changed columns ({@link DynamicUpdate}): an owner's Update can never write back a stale
 * status, takedown, removal, count or owner state.
 */
@Entity
@Table(name = "share_link")
@DynamicUpdate
public class ShareLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false, length = 22, columnDefinition = "char(22)")
    private String token;

    @Column(name = "conversation_id", nullable = false, unique = true, updatable = false)
    private long conversationId;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private long ownerId;

    @Column(nullable = false, length = ShareDetails.TITLE_MAX_LENGTH)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ShareVisibility visibility;

    @Column(name = "shared_by_name", length = 80)
    private @Nullable String sharedByName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private ShareStatus status = ShareStatus.ACTIVE;

    @Column(name = "takedown_reason", length = 2000, insertable = false, updatable = false)
    private @Nullable String takedownReason;

    @Column(name = "taken_down_by", insertable = false, updatable = false)
    private @Nullable Long takenDownBy;

    @Column(name = "taken_down_at", insertable = false, updatable = false)
    private @Nullable Instant takenDownAt;

    @Column(name = "removed_by_owner_at", insertable = false, updatable = false)
    private @Nullable Instant removedByOwnerAt;

    @Column(name = "snapshot_version", nullable = false)
    private int snapshotVersion;

    @Column(name = "source_last_position", nullable = false)
    private int sourceLastPosition;

    /** The last message the snapshot considered; null for links shared before chats had versions. */
    @Column(name = "source_last_message_id")
    private @Nullable Long sourceLastMessageId;

    @Column(name = "view_count", nullable = false, updatable = false)
    private long viewCount;

    @Column(name = "open_reports", nullable = false, insertable = false, updatable = false)
    private int openReports;

    @Column(name = "last_report_at", insertable = false, updatable = false)
    private @Nullable Instant lastReportAt;

    @Column(name = "owner_active", nullable = false, updatable = false)
    private boolean ownerActive = true;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ShareAudience audience = ShareAudience.ANYONE;

    @Column(name = "expires_at")
    private @Nullable Instant expiresAt;

    /** Whether the public page carries a preview card (decision 0027); only ever on for a link for anyone. */
    @Column(name = "preview_card", nullable = false)
    private boolean previewCard;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ShareLink() {
    }

    public ShareLink(ShareToken token, long conversationId, long ownerId, Instant now) {
        this.token = token.value();
        this.conversationId = conversationId;
        this.ownerId = ownerId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Points the link at a new snapshot: title, attribution, and the version viewers revalidate on. */
    public void resnapshot(String title, ShareVisibility visibility, String sharedByName, int sourceLastPosition,
            long sourceLastMessageId, Instant now) {
        if (isTakenDown()) {
            throw new IllegalStateException("A taken-down link cannot be updated");
        }
        this.title = title;
        this.visibility = visibility;
        this.sharedByName = visibility == ShareVisibility.NAMED ? sharedByName : null;
        this.sourceLastPosition = sourceLastPosition;
        this.sourceLastMessageId = sourceLastMessageId;
        this.snapshotVersion++;
        this.updatedAt = now;
    }

    /**
     * Who can open the link and until when; the caller writes the people of a
     * {@link ShareAudience#PEOPLE} link and revokes the token in the same transaction.
     */
    public void restrict(ShareAudience audience, @Nullable Instant expiresAt) {
        this.audience = audience;
        this.expiresAt = expiresAt;
    }

    /** Turns the public page's preview card on or off; the caller checked the audience and the policy. */
    public void showPreviewCard(boolean on) {
        this.previewCard = on;
    }

    /** Whether the owner's preview card is on, whatever the audience. */
    public boolean isPreviewCardOn() {
        return previewCard;
    }

    /** Whether the public page carries a preview card: turned on, and the link is for anyone. */
    public boolean hasPreviewCard() {
        return previewCard && audience == ShareAudience.ANYONE;
    }

    /** Whether the link's expiry has passed at {@code now}: it answers like a deleted one. */
    public boolean isExpiredAt(Instant now) {
        return LinkHead.isExpired(expiresAt, now);
    }

    /**
     * Whether the link answers at all: its owner's account enabled and not deleted by its owner
     * (the head lookup's {@code s.owner_active and s.removed_by_owner_at is null}, {@link PublicHeads}).
     */
    public boolean isPresent() {
        return ownerActive && removedByOwnerAt == null;
    }

    public boolean isTakenDown() {
        return status == ShareStatus.TAKEN_DOWN;
    }

    public Long getId() {
        return id;
    }

    public String getToken() {
        return token;
    }

    public String getPath() {
        return ShareToken.pathOf(token, audience);
    }

    public long getConversationId() {
        return conversationId;
    }

    public long getOwnerId() {
        return ownerId;
    }

    public String getTitle() {
        return title;
    }

    public ShareVisibility getVisibility() {
        return visibility;
    }

    /** The name the page shows; null when shared anonymously. */
    public @Nullable String getSharedByName() {
        return sharedByName;
    }

    public ShareStatus getStatus() {
        return status;
    }

    public @Nullable String getTakedownReason() {
        return takedownReason;
    }

    public @Nullable Long getTakenDownBy() {
        return takenDownBy;
    }

    public @Nullable Instant getTakenDownAt() {
        return takenDownAt;
    }

    public @Nullable Instant getRemovedByOwnerAt() {
        return removedByOwnerAt;
    }

    public boolean isOwnerActive() {
        return ownerActive;
    }

    public int getSnapshotVersion() {
        return snapshotVersion;
    }

    public @Nullable Long getSourceLastMessageId() {
        return sourceLastMessageId;
    }

    public int getSourceLastPosition() {
        return sourceLastPosition;
    }

    public long getViewCount() {
        return viewCount;
    }

    public ShareAudience getAudience() {
        return audience;
    }

    /** When the link stops answering; null for never. */
    public @Nullable Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
