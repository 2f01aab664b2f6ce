package com.chatshare.sharing.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The link aggregate's reads and its set-based operations. Status changes bump the version;
 * counters only add to their own column.
 */
public interface ShareLinkRepository extends JpaRepository<ShareLink, Long> {

    Optional<ShareLink> findByToken(String token);

    Optional<ShareLink> findByConversationIdAndOwnerId(long conversationId, long ownerId);

    /**
     * Of the owner's conversations given, those whose link is open now, not expired (the chat list's
     * "Shared" badge); "not expired" as {@link com.chatshare.sharing.LinkHead#isExpired} defines it.
     */
    @Query("""
            select new com.chatshare.sharing.internal.OpenLink(s.conversationId, s.audience, s.expiresAt)
            from ShareLink s
            where s.ownerId = :ownerId and s.conversationId in :conversationIds
                and s.status = com.chatshare.sharing.ShareStatus.ACTIVE and s.removedByOwnerAt is null
                and (s.expiresAt is null or s.expiresAt > :now)""")
    List<OpenLink> findOpenLinks(long ownerId, Collection<Long> conversationIds, Instant now);

    /** The owner's link, locked until the transaction ends: a takedown waits for an Update, and the other way round. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from ShareLink s where s.conversationId = :conversationId and s.ownerId = :ownerId")
    Optional<ShareLink> lockByConversationIdAndOwnerId(long conversationId, long ownerId);

    /** Takes down the active links among these that moderators may see (as {@link TitleSearch#VISIBLE_TO_MODERATORS}). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update ShareLink s set s.status = com.chatshare.sharing.ShareStatus.TAKEN_DOWN, s.takedownReason = :reason,
                s.takenDownBy = :moderatorId, s.takenDownAt = :at, s.version = s.version + 1
            where s.id in :ids and s.status = com.chatshare.sharing.ShareStatus.ACTIVE
                and (s.audience <> com.chatshare.sharing.ShareAudience.PEOPLE or s.lastReportAt is not null)""")
    int takeDown(Collection<Long> ids, String reason, long moderatorId, Instant at);

    /** The links one {@link #takeDown} took down (same moderator, same instant). */
    @Query("select s from ShareLink s where s.id in :ids and s.takenDownBy = :moderatorId and s.takenDownAt = :at")
    List<ShareLink> findTakenDown(Collection<Long> ids, long moderatorId, Instant at);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update ShareLink s set s.status = com.chatshare.sharing.ShareStatus.ACTIVE, s.takedownReason = null,
                s.takenDownBy = null, s.takenDownAt = null, s.version = s.version + 1
            where s.id = :id and s.status = com.chatshare.sharing.ShareStatus.TAKEN_DOWN""")
    int reinstate(long id);

    @Modifying
    @Query("update ShareLink s set s.viewCount = s.viewCount + :views where s.id = :id")
    int addViews(long id, long views);

    @Modifying
    @Query("""
            update ShareLink s set s.openReports = s.openReports + 1, s.lastReportAt = :at
            where s.id = :id""")
    int recordReport(long id, Instant at);

    @Modifying
    @Query("update ShareLink s set s.openReports = 0 where s.id in :ids")
    int clearOpenReports(Collection<Long> ids);

    /** Sharing's copy of whether the owner's account is enabled, for every link of theirs. */
    @Modifying
    @Query("update ShareLink s set s.ownerActive = :active where s.ownerId = :ownerId")
    int setOwnerActive(long ownerId, boolean active);
}
