package com.chatshare.sharing;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sets the stored sharing policy directly, as a test's precondition, without applying it to
 * existing links (that is {@link SharingPolicyService#change}'s job, tested on its own); and puts
 * back the state of a fresh database: never saved, so the configured values hold.
 */
public final class PolicyFixtures {

    private PolicyFixtures() {
    }

    public static void store(JdbcTemplate jdbc, SharingPolicy policy) {
        jdbc.update("update sharing_policy set allow_public = ?, default_audience = ?, max_expiry_seconds = ?, "
                + "require_expiry = ?, version = version + 1, changed_at = now(6), changed_by = 'test' where id = 1",
                policy.allowPublic(), policy.defaultAudience().name(),
                policy.maxExpiry() == null ? null : policy.maxExpiry().toSeconds(), policy.requireExpiry());
    }

    public static void reset(JdbcTemplate jdbc) {
        jdbc.update("update sharing_policy set allow_public = true, default_audience = 'ANYONE', "
                + "max_expiry_seconds = null, require_expiry = false, changed_at = null, changed_by = null where id = 1");
    }
}
