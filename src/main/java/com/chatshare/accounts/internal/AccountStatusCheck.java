package com.chatshare.accounts.internal;

import com.chatshare.security.AccountStatus;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** An account may act while it exists and is enabled, with the roles it holds now. */
@Component
class AccountStatusCheck implements AccountStatus {

    private final JdbcTemplate jdbc;

    AccountStatusCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Set<String>> currentRoles(long userId) {
        return jdbc.query("""
                select r.role from app_user u left join app_user_role r on r.user_id = u.id
                where u.id = ? and u.enabled""", rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            Set<String> roles = new HashSet<>();
            do {
                if (rs.getString(1) != null) {
                    roles.add(rs.getString(1));
                }
            } while (rs.next());
            return Optional.of(Set.copyOf(roles));
        }, userId);
    }
}
