package com.chatshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chatshare.audit.AuditAction;
import com.chatshare.audit.AuditEntry;
import com.chatshare.audit.AuditFilter;
import com.chatshare.audit.AuditLog;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageRole;
import com.chatshare.moderation.ModerationDetail;
import com.chatshare.moderation.ModerationService;
import com.chatshare.moderation.ReportReason;
import com.chatshare.sharing.ShareQuery;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareStatus;
import com.chatshare.sharing.ShareSummary;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.OwnLinksService;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Upgrading a database of the last release: every other test context starts from an empty
 * database that Flyway migrates all the way up, while this one migrates an empty database to the
 * last release's schema ({@value #PREVIOUS_RELEASE}), stores what that release stored (an account,
 * a chat, a shared link with its snapshot, a report, an audit entry) with that schema's own SQL,
 * then lets the application migrate it to the latest version and start. The rows must survive and
 * the application must read them as its own. Runs on the embedded database and, in CI, on a real
 * MariaDB server (README, Test).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MigrationsTest.FromThePreviousRelease.class)
@OwnSpringContext
class MigrationsTest {

    /** The schema version of the last release; move it up when a release ships. */
    static final String PREVIOUS_RELEASE = "12";

    static final String TOKEN = "Prev1ousRelease_Link-0";
    static final String PASSWORD = "carols-old-password";
    static final Instant THEN = Instant.parse("2026-10-01T09:30:00.123456Z");

    /** What Flyway did while the context started, recorded by the strategy below. */
    static MigrateResult toPreviousRelease;
    static MigrateResult toLatest;
    /** What Flyway's script executor logged (after logback-spring.xml's filters) while migrating. */
    static final ListAppender<ILoggingEvent> migrationLog = new ListAppender<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class FromThePreviousRelease {

        @Bean
        FlywayMigrationStrategy upgradeFromThePreviousRelease() {
            return flyway -> {
                Logger executor = (Logger) LoggerFactory.getLogger(
                        "org.flywaydb.core.internal.sqlscript.DefaultSqlScriptExecutor");
                migrationLog.start();
                executor.addAppender(migrationLog);
                toPreviousRelease = Flyway.configure().configuration(flyway.getConfiguration())
                        .target(PREVIOUS_RELEASE).load().migrate();
                storeWhatThePreviousReleaseStored(new JdbcTemplate(flyway.getConfiguration().getDataSource()));
                toLatest = flyway.migrate();
                executor.detachAppender(migrationLog);
            };
        }
    }

    /** Plain SQL of the schema at {@value #PREVIOUS_RELEASE}, as that release wrote its rows. */
    static void storeWhatThePreviousReleaseStored(JdbcTemplate jdbc) {
        Timestamp then = Timestamp.from(THEN);
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
        jdbc.update("insert into app_user (username, display_name, password_hash, enabled, created_at, updated_at, "
                + "version, credentials_version) values ('carol', 'Carol Ancienne', ?, true, ?, ?, 0, 1)",
                hash, then, then);
        long carol = jdbc.queryForObject("select id from app_user where username = 'carol'", Long.class);
        jdbc.update("insert into app_user_role (user_id, role) values (?, 'USER')", carol);
        // The instance's moderator. (Demo mode creates no demo accounts on a database with real ones.)
        jdbc.update("insert into app_user (username, display_name, password_hash, enabled, created_at, updated_at, "
                + "version, credentials_version) values ('maud', 'Maud Moderator', ?, true, ?, ?, 0, 1)",
                hash, then, then);
        long maud = jdbc.queryForObject("select id from app_user where username = 'maud'", Long.class);
        jdbc.update("insert into app_user_role (user_id, role) values (?, 'USER'), (?, 'MODERATOR')", maud, maud);

        jdbc.update("insert into conversation (owner_id, title, imported_from_share, created_at, updated_at, version) "
                + "values (?, 'Sourdough from the last release', false, ?, ?, 2)", carol, then, then);
        long chat = jdbc.queryForObject("select id from conversation where owner_id = ?", Long.class, carol);
        jdbc.update("insert into message (conversation_id, position, role, content, status, created_at, from_share) "
                + "values (?, 0, 'USER', 'How long does **sourdough** rise?', 'COMPLETE', ?, false), "
                + "(?, 1, 'ASSISTANT', 'About *8 hours* at room temperature.', 'COMPLETE', ?, false), "
                + "(?, 2, 'USER', 'Added after sharing', 'COMPLETE', ?, false)",
                chat, then, chat, then, chat, Timestamp.from(THEN.plusSeconds(60)));

        jdbc.update("insert into share_link (token, conversation_id, owner_id, title, visibility, shared_by_name, "
                + "status, snapshot_version, source_last_position, view_count, created_at, updated_at, version, "
                + "open_reports, last_report_at, owner_active, removed_by_owner_at, removed_with_chat) "
                + "values (?, ?, ?, 'Sourdough, shared', 'NAMED', 'Carol Ancienne', 'ACTIVE', 1, 1, 7, ?, ?, 0, "
                + "1, ?, true, null, false)", TOKEN, chat, carol, then, then, then);
        long share = jdbc.queryForObject("select id from share_link where token = ?", Long.class, TOKEN);
        jdbc.update("insert into snapshot_message (share_link_id, position, role, content) values "
                + "(?, 0, 'USER', 'How long does **sourdough** rise?'), "
                + "(?, 1, 'ASSISTANT', 'About *8 hours* at room temperature.')", share, share);

        jdbc.update("insert into abuse_report (share_link_id, reason, details, reporter_id, status, created_at) "
                + "values (?, 'SPAM_OR_PHISHING', 'Looks like an advert', null, 'OPEN', ?)", share, then);
        jdbc.update("insert into audit_entry (at, actor, action, target, details) "
                + "values (?, 'carol', 'LINK_CREATED', ?, null)", then, "share:" + share);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    OwnLinksService ownLinks;

    @Autowired
    ModerationService moderation;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Flyway flyway;

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    @Test
    void the_database_was_empty_then_went_to_the_previous_release_then_to_the_latest_migration() {
        assertThat(toPreviousRelease.initialSchemaVersion).as("a fresh database").isNull();
        assertThat(toPreviousRelease.targetSchemaVersion).isEqualTo(PREVIOUS_RELEASE);
        assertThat(toLatest.initialSchemaVersion).isEqualTo(PREVIOUS_RELEASE);

        // Whatever the newest migration is (later releases add their own), it was applied, and nothing is pending.
        MigrationVersion newest = Arrays.stream(flyway.info().all()).map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder()).orElseThrow();
        assertThat(flyway.info().current().getVersion()).isEqualTo(newest);
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(toLatest.migrationsExecuted)
                .isEqualTo(flyway.info().applied().length - toPreviousRelease.migrationsExecuted);
    }

    @Test
    void migrating_an_empty_database_logs_no_note_about_primary_key_names() {
        // Every released migration names its primary keys; MariaDB notes once per table that it
        // ignores the name, which Flyway logged as 16 warnings on every first start.
        assertThat(migrationLog.list).as("what the migrations logged").isNotNull()
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.contains("ignored for PRIMARY key"));
        assertThat(toLatest.migrationsExecuted).as("migrations ran while the log was watched").isPositive();
    }

    @Test
    void the_old_account_signs_in_with_its_old_password() throws Exception {
        mvc.perform(formLogin("/login").user("carol").password(PASSWORD))
                .andExpect(authenticated().withUsername("carol").withRoles("USER"));
    }

    @Test
    void the_old_chat_reads_as_before_and_takes_new_messages() {
        SignedIn.as(users, "carol");
        long chat = conversations.findConversations(PageRequest.of(0, 10))
                .getContent().getFirst().id();

        List<ChatMessage> messages = conversations.findMessages(chat);

        assertThat(messages).extracting(ChatMessage::role)
                .containsExactly(MessageRole.USER, MessageRole.ASSISTANT, MessageRole.USER);
        assertThat(messages).extracting(ChatMessage::content).containsExactly("How long does **sourdough** rise?",
                "About *8 hours* at room temperature.", "Added after sharing");
        assertThat(messages).noneMatch(ChatMessage::fromShare);

        conversations.postUserMessage(chat, "And after the upgrade?");
        assertThat(conversations.findMessages(chat)).hasSize(4);
    }

    @Test
    void the_old_chat_became_one_path_ending_at_its_last_message() {
        long chat = jdbc.queryForObject("select id from conversation where title = 'Sourdough from the last release'",
                Long.class);
        List<Long> ids = jdbc.queryForList("select id from message where conversation_id = ? and position < 3 "
                + "order by position", Long.class, chat);
        List<Long> parents = jdbc.query("select parent_id from message where conversation_id = ? and position < 3 "
                + "order by position", (rs, i) -> (Long) rs.getObject(1, Long.class), chat);

        assertThat(parents).containsExactly(null, ids.get(0), ids.get(1));
        assertThat(jdbc.queryForObject("select current_leaf_id from conversation where id = ?", Long.class, chat))
                .isEqualTo(ids.get(2));
        SignedIn.as(users, "carol");
        assertThat(conversations.findLatestMessages(chat, 50).versions()).as("no message has other versions")
                .isEmpty();
    }

    @Test
    void the_old_chat_is_in_the_list_neither_pinned_nor_archived_and_search_finds_its_words() {
        SignedIn.as(users, "carol");
        ConversationSummary chat = conversations.findConversations(PageRequest.of(0, 10)).getContent().getFirst();

        assertThat(chat.title()).isEqualTo("Sourdough from the last release");
        assertThat(chat.pinned()).isFalse();
        assertThat(chat.archived()).isFalse();
        // Rows stored before V20 are in its FULLTEXT indexes: the walk and the index agree on them
        // (ChatSearchIndexTest); here the service finds them by a word's beginning in a message.
        assertThat(conversations.search("temperat")).singleElement().satisfies(result -> {
            assertThat(result.chat().id()).isEqualTo(chat.id());
            assertThat(result.snippet().text()).isEqualTo("About *8 hours* at room temperature.");
        });
        assertThat(jdbc.queryForObject("select count(*) from message m join conversation c on c.id = m.conversation_id "
                + "where c.owner_id = (select id from app_user where username = 'carol') "
                + "and match(m.content) against ('+sourdou*' in boolean mode)", Integer.class))
                .as("the old messages are in the FULLTEXT index").isEqualTo(1);
    }

    @Test
    void the_old_link_shows_its_snapshot_to_anyone() throws Exception {
        String page = mvc.perform(get("/share/" + TOKEN))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Sourdough, shared").contains("Shared by <bdi>Carol Ancienne</bdi>")
                .contains("<p class=\"verbatim\">How long does **sourdough** rise?</p>").contains("<em>8 hours</em>")
                .doesNotContain("Added after sharing");
    }

    @Test
    void the_owner_finds_the_old_link_among_their_links_with_the_message_added_since() {
        SignedIn.as(users, "carol");

        List<ShareSummary> links = ownLinks.findOwnLinks(ShareQuery.newestFirst(), 0, 10);

        assertThat(links).singleElement().satisfies(link -> {
            assertThat(link.title()).isEqualTo("Sourdough, shared");
            assertThat(link.visibility()).isEqualTo(ShareVisibility.NAMED);
            assertThat(link.status()).isEqualTo(ShareStatus.ACTIVE);
            assertThat(link.viewCount()).isEqualTo(7);
            assertThat(link.newMessages()).isEqualTo(1);
        });
        assertThat(ownLinks.findOwnLinks(ShareQuery.newestFirst().withSearch("sourd"), 0, 10)).hasSize(1);
    }

    @Test
    void moderators_see_the_old_report_snapshot_and_audit_trail() {
        long share = jdbc.queryForObject("select id from share_link where token = ?", Long.class, TOKEN);
        SignedIn.as(users, "maud");

        ModerationDetail detail = moderation.detail(share).orElseThrow();

        assertThat(detail.row().ownerUsername()).isEqualTo("carol");
        assertThat(detail.row().openReports()).isEqualTo(1);
        assertThat(detail.publicAttribution()).isEqualTo("Shared by Carol Ancienne");
        assertThat(detail.messages()).hasSize(2);
        assertThat(detail.reports()).singleElement().satisfies(report -> {
            assertThat(report.reason()).isEqualTo(ReportReason.SPAM_OR_PHISHING);
            assertThat(report.details()).isEqualTo("Looks like an advert");
        });
        assertThat(detail.history()).extracting(AuditEntry::action).contains(AuditAction.LINK_CREATED);
        assertThat(auditLog.find(AuditFilter.all().withActor("carol"), 0, 10)).extracting(AuditEntry::at)
                .contains(THEN);
    }
}
