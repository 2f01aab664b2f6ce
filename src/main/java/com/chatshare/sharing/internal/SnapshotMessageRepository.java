package com.chatshare.sharing.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface SnapshotMessageRepository extends JpaRepository<StoredSnapshotMessage, Long> {

    List<StoredSnapshotMessage> findByShareLinkIdOrderByPosition(long shareLinkId);

    @Modifying
    @Query("delete from StoredSnapshotMessage m where m.shareLinkId = :shareLinkId")
    int deleteByShareLink(long shareLinkId);
}
