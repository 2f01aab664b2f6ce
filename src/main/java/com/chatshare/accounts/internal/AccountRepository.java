package com.chatshare.accounts.internal;

import com.chatshare.accounts.Account;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsername(String username);

    boolean existsByUsername(String username);

    /** Whether any account has a username other than these. */
    boolean existsByUsernameNotIn(java.util.Collection<String> usernames);

    @Query("select count(a) > 0 from Account a join a.roles r where r = :role")
    boolean existsWithRole(String role);

    @Query("select count(distinct a) from Account a join a.roles r where r in :roles and a.enabled")
    long countEnabledWithAnyRole(java.util.Collection<String> roles);

    Slice<Account> findAllBy(Pageable pageable);

    /** Pairs of id and username, without loading the accounts' roles. */
    @Query("select a.id, a.username from Account a where a.id in :ids")
    java.util.List<Object[]> findUsernames(java.util.Collection<Long> ids);

    /** Usernames of enabled accounts that begin with a pattern ({@code like}, escaped with {@code !}), in order. */
    @Query("""
            select a.username from Account a where a.enabled and a.username like :pattern escape '!'
            order by a.username""")
    List<String> findUsernamesLike(String pattern, Pageable page);

    /** The ids of the enabled accounts with the role, their rows locked until the transaction ends. */
    @Query(value = """
            select u.id from app_user u join app_user_role r on r.user_id = u.id
            where r.role = :role and u.enabled
            for update""", nativeQuery = true)
    List<Long> lockEnabledWithRole(String role);

    /** The account's chosen appearance (SYSTEM, LIGHT or DARK), if it ever chose one. */
    @Query(value = "select appearance from app_user_preference where user_id = :userId", nativeQuery = true)
    Optional<String> findAppearance(long userId);

    /** Stores the account's appearance in one statement, so two tabs choosing at once both succeed. */
    @org.springframework.data.jpa.repository.Modifying
    @Query(value = """
            insert into app_user_preference (user_id, appearance, updated_at) values (:userId, :appearance, :now)
            on duplicate key update appearance = values(appearance), updated_at = values(updated_at)""",
            nativeQuery = true)
    void saveAppearance(long userId, String appearance, java.time.Instant now);
}
