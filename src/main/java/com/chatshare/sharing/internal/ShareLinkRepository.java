package com.chatshare.sharing.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ShareLinkRepository extends JpaRepository<ShareLink, Long> {

    Optional<ShareLink> findByToken(String token);

    Optional<ShareLink> findByConversationIdAndOwnerId(long conversationId, long ownerId);

    @Modifying
    @Query("update ShareLink s set s.viewCount = s.viewCount + :views where s.id = :id")
    int addViews(long id, long views);
}
