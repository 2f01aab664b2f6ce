package com.chatshare.conversations.internal;

import com.chatshare.conversations.ConversationSummary;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ConversationRepository extends JpaRepository<Conversation, Long> {

    /** The chat list: the owner's chats not archived, pinned ones first, then by latest activity. */
    @Query("""
            select new com.chatshare.conversations.ConversationSummary(c.id, c.title, c.updatedAt, c.importedFromShare,
                case when c.pinnedAt is null then false else true end, false, c.importSource)
            from Conversation c where c.ownerId = :ownerId and c.archivedAt is null
            order by case when c.pinnedAt is null then 1 else 0 end, c.updatedAt desc, c.id desc""")
    Slice<ConversationSummary> findSummaries(long ownerId, Pageable pageable);

    /** The owner's archived chats, most recently archived first. */
    @Query("""
            select new com.chatshare.conversations.ConversationSummary(c.id, c.title, c.updatedAt, c.importedFromShare,
                false, true, c.importSource)
            from Conversation c where c.ownerId = :ownerId and c.archivedAt is not null
            order by c.archivedAt desc, c.id desc""")
    Slice<ConversationSummary> findArchived(long ownerId, Pageable pageable);

    long countByOwnerIdAndArchivedAtIsNull(long ownerId);

    long countByOwnerIdAndArchivedAtIsNotNull(long ownerId);

    Optional<Conversation> findByIdAndOwnerId(long id, long ownerId);

    /**
     * The owner's conversation, its row locked until the transaction ends: what changes its tree
     * (a new message, an edit, a new version, a switch between versions) takes it one at a time,
     * so two tabs never leave it on a leaf that is not in the tree.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Conversation c where c.id = :id and c.ownerId = :ownerId")
    Optional<Conversation> lockOwned(long id, long ownerId);

    /** The conversation, its row locked until the transaction ends ({@link #lockOwned}). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Conversation c where c.id = :id")
    Optional<Conversation> lockById(long id);

    long countByOwnerId(long ownerId);

    boolean existsByOwnerIdAndImportSourceAndImportKey(long ownerId, com.chatshare.conversations.ImportSource source,
            String importKey);

    @Modifying
    @Query("delete from Conversation c where c.ownerId = :ownerId")
    int deleteAllOwned(long ownerId);

    @Modifying
    @Query("delete from Conversation c where c.id = :id and c.ownerId = :ownerId")
    int deleteOwned(long id, long ownerId);

    /**
     * The titles of the owner's imported (continued) conversations titled exactly so, or matching
     * {@code numbered}: a LIKE pattern whose escape character is {@code !}.
     */
    @Query("""
            select c.title from Conversation c
            where c.ownerId = :ownerId and c.importedFromShare = true and (c.title = :title or c.title like :numbered escape '!')""")
    java.util.List<String> findImportedTitles(long ownerId, String title, String numbered);
}
