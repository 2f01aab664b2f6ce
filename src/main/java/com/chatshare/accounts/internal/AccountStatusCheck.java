package com.chatshare.accounts.internal;

import com.chatshare.security.AccountStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** An account may act while it exists and is enabled. */
@Component
class AccountStatusCheck implements AccountStatus {

    private final JdbcTemplate jdbc;

    AccountStatusCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isActive(long userId) {
        return Boolean.TRUE.equals(jdbc.query("select enabled from app_user where id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, userId));
    }
}
