package com.chatshare.conversations.internal;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface CustomInstructionRepository extends JpaRepository<CustomInstruction, Long> {

    /**
     * Writes a person's instructions in one statement, whether or not they had some: two tabs
     * saving their first instructions at once both succeed, the later one's kept (a read, then an
     * insert, made one of them fail on the primary key).
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = """
            insert into custom_instruction (user_id, content, updated_at) values (:userId, :content, :at)
            on duplicate key update content = values(content), updated_at = values(updated_at)""",
            nativeQuery = true)
    void put(long userId, String content, Instant at);

    /** Removes a person's instructions, if they have some: two tabs clearing them at once both succeed. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from CustomInstruction c where c.userId = :userId")
    void remove(long userId);
}
