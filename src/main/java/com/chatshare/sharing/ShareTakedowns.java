package com.chatshare.sharing;

import com.chatshare.security.CurrentUser;
import com.chatshare.sharing.internal.MarkdownRenderer;
import com.chatshare.sharing.internal.SnapshotMessageRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderation's hold on links: take one down (the page answers 410 from the next request on, and
 * the owner's Update cannot revive it) or reinstate it. Moderators and admins only.
 */
@Service
@PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
public class ShareTakedowns {

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final SnapshotMessageRepository snapshots;
    private final MarkdownRenderer markdown;

    ShareTakedowns(JdbcTemplate jdbc, CurrentUser currentUser, Clock clock, SnapshotMessageRepository snapshots,
            MarkdownRenderer markdown) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
        this.snapshots = snapshots;
        this.markdown = markdown;
    }

    /** A link's snapshot rendered exactly as viewers see it, whatever its status. */
    @Transactional(readOnly = true)
    public List<SnapshotMessage> snapshot(long shareId) {
        return snapshots.findByShareLinkIdOrderByPosition(shareId).stream()
                .map(m -> new SnapshotMessage(m.getRole(), markdown.toHtml(m.getContent())))
                .toList();
    }

    /** @return whether the link existed and was active */
    @Transactional
    public boolean takeDown(long shareId, String reason) {
        return jdbc.update("update share_link set status = 'TAKEN_DOWN', takedown_reason = ?, taken_down_by = ?, "
                        + "taken_down_at = ? where id = ? and status = 'ACTIVE'",
                reason, currentUser.requireUserId(), java.sql.Timestamp.from(clock.instant()), shareId) == 1;
    }

    /** @return whether the link existed and was taken down */
    @Transactional
    public boolean reinstate(long shareId) {
        return jdbc.update("update share_link set status = 'ACTIVE', takedown_reason = null, taken_down_by = null, "
                + "taken_down_at = null where id = ? and status = 'TAKEN_DOWN'", shareId) == 1;
    }
}
