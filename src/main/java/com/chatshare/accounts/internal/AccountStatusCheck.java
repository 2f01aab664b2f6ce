package com.chatshare.accounts.internal;

import com.chatshare.security.AccountStatus;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An account may act while it exists and is enabled, with the roles it holds now, in sessions
 * signed in since its latest password change.
 */
@Component
class AccountStatusCheck implements AccountStatus {

    private final JdbcTemplate jdbc;

    AccountStatusCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Current> current(long userId) {
        return jdbc.query("""
                select u.credentials_version, r.role from app_user u left join app_user_role r on r.user_id = u.id
                where u.id = ? and u.enabled""", rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            long credentialsVersion = rs.getLong(1);
            Set<String> roles = new HashSet<>();
            do {
                if (rs.getString(2) != null) {
                    roles.add(rs.getString(2));
                }
            } while (rs.next());
            return Optional.of(new Current(roles, credentialsVersion));
        }, userId);
    }
}
