package com.chatshare.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.chatshare.sharing.ShareRequest;
import com.chatshare.sharing.OwnLinksService;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditLogTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    ShareService shares;

    @Autowired
    OwnLinksService ownLinks;

    @Autowired
    ConversationService conversations;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    @Test
    void sharing_actions_leave_entries_with_the_actor_and_no_message_content() {
        ShareDetails details = SharingFixtures.share(shares, conversations, users, "alice",
                "A secret question nobody should find in the log", ShareVisibility.ANONYMOUS);
        shares.share(ShareRequest.of(details.conversationId(), "Renamed", ShareVisibility.NAMED));
        ownLinks.deleteLinks(Set.of(details.shareId()));
        SignedIn.as(users, "mod");

        var entries = auditLog.find(AuditFilter.all().withTarget("share:" + details.shareId()), 0, 10);

        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly(AuditAction.LINK_UPDATED, AuditAction.LINK_CREATED);
        assertThat(entries).allSatisfy(e -> assertThat(e.actor()).isEqualTo("alice"));
        assertThat(auditLog.find(AuditFilter.all().withAction(AuditAction.LINKS_BULK_DELETED).withActor("alice"), 0, 1))
                .isNotEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where details like '%secret question%'",
                Integer.class)).isZero();
    }

    @Test
    void the_database_refuses_to_change_or_delete_an_entry() {
        SignedIn.as(users, "alice");
        transactions.executeWithoutResult(status -> auditLog.record(AuditAction.LINK_CREATED, "share:0", "test"));
        long id = jdbc.queryForObject("select max(id) from audit_entry", Long.class);

        assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'someone else' where id = ?", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where id = ?", id))
                .hasMessageContaining("append-only");
    }

    @Test
    void entries_are_only_written_inside_the_action_transaction() {
        SignedIn.as(users, "alice");
        assertThatThrownBy(() -> auditLog.record(AuditAction.LINK_CREATED, "share:0", "outside"))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void csv_export_neutralises_formulas() throws Exception {
        SignedIn.as(users, "alice");
        transactions.executeWithoutResult(status ->
                auditLog.record(AuditAction.REPORT_FILED, "=HYPERLINK(\"http://evil\")", "@SUM(A1:A9)"));
        SignedIn.as(users, "mod");
        StringWriter csv = new StringWriter();

        auditLog.exportCsv(AuditFilter.all().withAction(AuditAction.REPORT_FILED), csv);

        assertThat(csv.toString()).startsWith("at,actor,action,target,details")
                .contains("'=HYPERLINK", "'@SUM(A1:A9)")
                .doesNotContain(",=HYPERLINK", ",@SUM");
        assertThat(AuditLog.safe("+1")).isEqualTo("'+1");
        assertThat(AuditLog.safe("-1")).isEqualTo("'-1");
        assertThat(AuditLog.safe("plain")).isEqualTo("plain");
    }

    @Test
    void plain_users_cannot_read_the_log() {
        SignedIn.as(users, "bob");
        assertThatThrownBy(() -> auditLog.find(AuditFilter.all(), 0, 10)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> auditLog.exportCsv(AuditFilter.all(), new StringWriter()))
                .isInstanceOf(AuthorizationDeniedException.class);
    }
}
