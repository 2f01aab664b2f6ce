package com.chatshare.sharingpolicy.internal;

import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.SharingPolicy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one row of {@code sharing_policy}. Until an admin first saves the policy, its expiry rules
 * are the properties {@code chatshare.sharing.max-expiry} and {@code require-expiry}
 * ({@link ConfiguredExpiry}); after that the row holds everything and the properties are not read.
 *
 * <p>Whoever acts under the policy reads it with {@link #readShared()} before touching a link
 * (sharing does, through {@link com.chatshare.sharing.SharingRules#holdForShare()}), and
 * a change takes the row with {@link #readForUpdate()}: a share that read the old policy commits
 * before the change applies to existing links, and one that comes later reads the new policy. So no
 * link the new policy forbids is created while it is being applied.
 */
@Component
public class PolicyStore {

    /** The stored policy with its version and who last saved it (null before the first save). */
    public record Stored(SharingPolicy policy, int version, @Nullable Instant changedAt, @Nullable String changedBy) {
    }

    private static final String SELECT = "select allow_public, default_audience, max_expiry_seconds, require_expiry, "
            + "preview_cards_allowed, version, changed_at, changed_by from sharing_policy where id = 1";

    private final JdbcTemplate jdbc;
    private final ConfiguredExpiry configured;

    PolicyStore(JdbcTemplate jdbc, ConfiguredExpiry configured) {
        this.jdbc = jdbc;
        this.configured = configured;
    }

    /** The policy as it is now (a plain read: for showing it). */
    public Stored read() {
        return jdbc.queryForObject(SELECT, this::row);
    }

    /** The policy, read with a shared lock held to the end of the caller's transaction. */
    public Stored readShared() {
        return jdbc.queryForObject(SELECT + " lock in share mode", this::row);
    }

    /** The policy, locked for a change until the end of the caller's transaction. */
    public Stored readForUpdate() {
        return jdbc.queryForObject(SELECT + " for update", this::row);
    }

    /** Saves a policy in the caller's transaction; {@link #readForUpdate()} first. */
    public void write(SharingPolicy policy, Instant at, String by) {
        jdbc.update("update sharing_policy set allow_public = ?, default_audience = ?, max_expiry_seconds = ?, "
                + "require_expiry = ?, preview_cards_allowed = ?, version = version + 1, changed_at = ?, changed_by = ? "
                + "where id = 1",
                policy.allowPublic(), policy.defaultAudience().name(),
                policy.maxExpiry() == null ? null : policy.maxExpiry().toSeconds(), policy.requireExpiry(),
                policy.previewCardsAllowed(), Timestamp.from(at), by);
    }

    private Stored row(ResultSet rs, int n) throws SQLException {
        Timestamp changedAt = rs.getTimestamp("changed_at");
        SharingPolicy policy;
        if (changedAt == null) {
            // Never saved by an admin: the properties, as before the policy view existed.
            policy = new SharingPolicy(rs.getBoolean("allow_public"),
                    ShareAudience.valueOf(rs.getString("default_audience")), configured.maxExpiry(),
                    configured.requireExpiry(), rs.getBoolean("preview_cards_allowed"));
        } else {
            long seconds = rs.getLong("max_expiry_seconds");
            Duration longest = rs.wasNull() ? null : Duration.ofSeconds(seconds);
            policy = new SharingPolicy(rs.getBoolean("allow_public"),
                    ShareAudience.valueOf(rs.getString("default_audience")), longest, rs.getBoolean("require_expiry"),
                    rs.getBoolean("preview_cards_allowed"));
        }
        return new Stored(policy, rs.getInt("version"), changedAt == null ? null : changedAt.toInstant(),
                rs.getString("changed_by"));
    }
}
