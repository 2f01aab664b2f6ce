package com.chatshare.sharing;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sets the stored sharing policy directly, as a test's precondition, without applying it to
 * existing links (that is the sharing-policy module's {@code SharingPolicyService.change}, tested
 * on its own, in {@code SharingPolicyTest}); and puts back the state of a fresh database: never
 * saved, so the configured values hold. Here, beside sharing's tests that need a policy in place,
 * so that sharing's code, tests included, names nothing of the sharing-policy module.
 */
public final class PolicyFixtures {

    private PolicyFixtures() {
    }

    public static void store(JdbcTemplate jdbc, SharingPolicy policy) {
        jdbc.update("update sharing_policy set allow_public = ?, default_audience = ?, max_expiry_seconds = ?, "
                + "require_expiry = ?, preview_cards_allowed = ?, version = version + 1, changed_at = now(6), "
                + "changed_by = 'test' where id = 1",
                policy.allowPublic(), policy.defaultAudience().name(),
                policy.maxExpiry() == null ? null : policy.maxExpiry().toSeconds(), policy.requireExpiry(),
                policy.previewCardsAllowed());
    }

    public static void reset(JdbcTemplate jdbc) {
        jdbc.update("update sharing_policy set allow_public = true, default_audience = 'ANYONE', "
                + "max_expiry_seconds = null, require_expiry = false, preview_cards_allowed = true, changed_at = null, "
                + "changed_by = null where id = 1");
    }
}
