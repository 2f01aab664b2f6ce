package com.chatshare.bench;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.moderation.ModerationFilter;
import com.chatshare.moderation.ModerationService;
import com.chatshare.sharing.ShareStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.TestPropertySource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The moderation queue over 1,000,000 public snapshots and 100,000 reports: server time of the
 * first page for each filter and order. Run with bench/moderation-queue.sh; asserts no timings.
 */
@Tag("bench")
// Seeding a million rows in one statement takes longer than the app's 4 s statement limit (application.yml).
@TestPropertySource(properties = "spring.datasource.hikari.data-source-properties.socketTimeout=0")
@IntegrationTest
class ModerationQueueBench {

    static final int SNAPSHOTS = 1_000_000;
    static final int REPORTS = 100_000;
    static final int OWNERS = 1_000;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ModerationService moderation;

    @Autowired
    UserDetailsService users;

    @Test
    void queue_first_page_per_filter() throws Exception {
        List<String> report = new ArrayList<>();
        long start = System.nanoTime();
        seed();
        report.add(String.format(Locale.ROOT, "seeded %,d snapshots (links with one message each, %,d owners) "
                + "and %,d reports in %.0f s", SNAPSHOTS, OWNERS, REPORTS, (System.nanoTime() - start) / 1e9));
        String token = jdbc.queryForObject("select token from share_link order by id desc limit 1", String.class);

        SignedIn.as(users, "mod");
        ModerationFilter base = ModerationFilter.reportedFirst();
        report.add(measure("most open reports (default)", base));
        report.add(measure("open reports only", base.withOpenReports(true)));
        report.add(measure("status active, most open reports", base.withStatus(ShareStatus.ACTIVE)));
        report.add(measure("status taken down, most open reports", base.withStatus(ShareStatus.TAKEN_DOWN)));
        report.add(measure("review requests", base.withReviewRequests(true)));
        report.add(measure("latest report", base.withSort(ModerationFilter.Sort.LAST_REPORT)));
        report.add(measure("newest", base.withSort(ModerationFilter.Sort.CREATED)));
        report.add(measure("most viewed", base.withSort(ModerationFilter.Sort.VIEWS)));
        report.add(measure("owner bench-user-7, most open reports", base.withOwner("bench-user-7")));
        report.add(measure("pasted share URL", base.withSearch("https://chat.example.org/share/" + token)));
        for (String typed : List.of("snapshot 77777", "77777", "snapshot benchmark")) {
            report.add(measure("title words begin with \"" + typed + "\"", base.withSearch(typed)));
        }
        SignedIn.signOut();

        Path out = Path.of("target", "bench", "moderation-queue.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    private void seed() {
        jdbc.update("insert into app_user (username, display_name, password_hash, enabled, created_at, updated_at) "
                + "select concat('bench-user-', seq), concat('Bench user ', seq), '{noop}unused', true, now(6), now(6) "
                + "from seq_1_to_" + OWNERS);
        long firstOwner = jdbc.queryForObject("select min(id) from app_user where username like 'bench-user-%'",
                Long.class);
        jdbc.update("insert into conversation (owner_id, title, imported_from_share, created_at, updated_at) "
                + "select ? + (seq mod " + OWNERS + "), concat('Benchmark snapshot ', seq), false, "
                + "now(6) - interval seq second, now(6) from seq_1_to_" + SNAPSHOTS, firstOwner);
        jdbc.update("insert into share_link (token, conversation_id, owner_id, title, visibility, status, "
                + "snapshot_version, source_last_position, view_count, created_at, updated_at, taken_down_at) "
                + "select substr(md5(concat('bench', c.id)), 1, 22), c.id, c.owner_id, c.title, 'ANONYMOUS', "
                + "if(c.id mod 20 = 0, 'TAKEN_DOWN', 'ACTIVE'), 1, 0, c.id mod 5000, c.created_at, c.updated_at, "
                + "if(c.id mod 20 = 0, c.created_at, null) "
                + "from conversation c where c.title like 'Benchmark snapshot %'");
        jdbc.update("insert into snapshot_message (share_link_id, position, role, content) "
                + "select id, 0, 'USER', title from share_link where title like 'Benchmark snapshot %'");
        long firstShare = jdbc.queryForObject("select min(id) from share_link where title like 'Benchmark snapshot %'",
                Long.class);
        jdbc.update("insert into abuse_report (share_link_id, reason, details, status, created_at) "
                + "select ? + (seq mod 30000), 'SPAM_OR_PHISHING', 'bench', if(seq mod 3 = 0, 'DISMISSED', 'OPEN'), "
                + "now(6) - interval seq minute from seq_1_to_" + REPORTS, firstShare);
        jdbc.update("update share_link s join (select share_link_id, sum(status = 'OPEN') as open_count, "
                + "max(created_at) as last_at from abuse_report group by share_link_id) r "
                + "on r.share_link_id = s.id set s.open_reports = r.open_count, s.last_report_at = r.last_at");
        // A thousand owners asked for a review of a takedown (every 20th link is taken down).
        jdbc.update("insert into review_request (share_link_id, takedown_at, requester_id, explanation, status, "
                + "created_at) select id, taken_down_at, owner_id, 'bench', 'OPEN', now(6) from share_link "
                + "where status = 'TAKEN_DOWN' and title like 'Benchmark snapshot %' order by id limit 1000");
        jdbc.execute("analyze table share_link, abuse_report, app_user, review_request");
    }

    private String measure(String name, ModerationFilter filter) {
        for (int i = 0; i < 3; i++) {
            moderation.findQueue(filter, 0, 50);
        }
        int runs = 15;
        double[] millis = new double[runs];
        int rows = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            rows = moderation.findQueue(filter, 0, 50).size();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return String.format(Locale.ROOT, "%-42s median %8.1f ms   p95 %8.1f ms   (%d runs, %d rows)",
                name, millis[runs / 2], millis[runs - 1], runs, rows);
    }
}
