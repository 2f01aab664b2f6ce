package com.chatshare.bench;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.chatshare.KaribuTest;
import com.chatshare.SignedIn;
import com.chatshare.datacontrols.ui.DataControlsView;
import com.chatshare.sharing.ShareQuery;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSummary;
import com.chatshare.sharing.ShareToken;
import com.chatshare.sharing.OwnLinksService;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.TestPropertySource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * One user with 100,000 shared links: the data-controls grid's first page, a search, and Delete
 * all. Run with bench/shared-links.sh; not part of the test suite, asserts no timings.
 */
@Tag("bench")
// Seeding a million rows in one statement takes longer than the app's 4 s statement limit (application.yml).
@TestPropertySource(properties = "spring.datasource.hikari.data-source-properties.socketTimeout=0")
class SharedLinksBench extends KaribuTest {

    static final int LINKS = 100_000;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ShareService shares;

    @Autowired
    OwnLinksService ownLinks;

    @Autowired
    UserDetailsService users;

    @Test
    void one_hundred_thousand_links() throws Exception {
        long userId = jdbc.queryForObject("select id from app_user where username = 'bob'", Long.class);
        long seedStart = System.nanoTime();
        seed(userId);
        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "seeded %,d conversations with one message and %,d links in %.1f s",
                LINKS, LINKS, (System.nanoTime() - seedStart) / 1e9));

        login("bob");
        report.add(measure("grid: open data controls, Manage, first 50 rows fetched", 20, () -> {
            UI.getCurrent().navigate(DataControlsView.class);
            _click(_get(Button.class, spec -> spec.withId("manage-links")));
            @SuppressWarnings("unchecked")
            Grid<ShareSummary> grid = _get(Grid.class, spec -> spec.withId("links-grid"));
            int rows = GridKt._fetch(grid, 0, 50).size();
            _get(Dialog.class, spec -> spec.withId("shared-links-dialog")).close();
            return rows;
        }));
        SignedIn.as(users, "bob");
        report.add(measure("service: first page (50, newest first)", 50,
                () -> ownLinks.findOwnLinks(ShareQuery.newestFirst(), 0, 50).size()));
        for (String typed : List.of("Benchmark link 4242", "4242", "link benchmark", "nothing")) {
            report.add(measure("service: search \"" + typed + "\" (title words begin with)", 50,
                    () -> ownLinks.findOwnLinks(ShareQuery.newestFirst().withSearch(typed), 0, 50).size()));
        }
        report.add(measure("service: sort by views, first page", 20,
                () -> ownLinks.findOwnLinks(ShareQuery.newestFirst().withSort(ShareQuery.Sort.VIEWS, true), 0, 50).size()));
        long start = System.nanoTime();
        int deleted = ownLinks.deleteAllLinks();
        double millis = (System.nanoTime() - start) / 1e6;
        int left = jdbc.queryForObject("select count(*) from share_link where owner_id = ?", Integer.class, userId);
        int snapshotsLeft = jdbc.queryForObject("select count(*) from snapshot_message s join share_link l "
                + "on l.id = s.share_link_id where l.owner_id = ?", Integer.class, userId);
        report.add(String.format(Locale.ROOT, "Delete all: %,d links deleted in %.0f ms; links left %d, snapshot "
                + "messages left %d", deleted, millis, left, snapshotsLeft));
        SignedIn.signOut();

        Path out = Path.of("target", "bench", "shared-links.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    private void seed(long userId) {
        Timestamp now = Timestamp.from(Instant.now());
        long firstConversation = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from conversation", Long.class);
        List<Object[]> conversations = new ArrayList<>();
        for (int i = 0; i < LINKS; i++) {
            conversations.add(new Object[] {userId, "Benchmark link " + i, now, now});
        }
        jdbc.batchUpdate("insert into conversation (owner_id, title, imported_from_share, created_at, updated_at) "
                + "values (?, ?, false, ?, ?)", conversations);
        List<Long> ids = jdbc.queryForList("select id from conversation where owner_id = ? and id >= ? order by id",
                Long.class, userId, firstConversation);
        List<Object[]> messages = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            messages.add(new Object[] {ids.get(i), "Question " + i, now});
            links.add(new Object[] {ShareToken.generate().value(), ids.get(i), userId, "Benchmark link " + i, i % 1000,
                    new Timestamp(now.getTime() - i * 1000L), now});
        }
        jdbc.batchUpdate("insert into message (conversation_id, position, role, content, status, created_at) "
                + "values (?, 0, 'USER', ?, 'COMPLETE', ?)", messages);
        jdbc.batchUpdate("insert into share_link (token, conversation_id, owner_id, title, visibility, status, "
                + "snapshot_version, source_last_position, view_count, created_at, updated_at) "
                + "values (?, ?, ?, ?, 'ANONYMOUS', 'ACTIVE', 1, 0, ?, ?, ?)", links);
        jdbc.update("insert into snapshot_message (share_link_id, position, role, content) "
                + "select id, 0, 'USER', title from share_link where owner_id = ? and conversation_id >= ?",
                userId, firstConversation);
    }

    private static String measure(String name, int runs, Supplier<Integer> action) {
        for (int i = 0; i < 5; i++) {
            action.get();
        }
        double[] millis = new double[runs];
        int rows = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            rows = action.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return String.format(Locale.ROOT, "%-62s median %7.1f ms   p95 %7.1f ms   (%d runs, %d rows)",
                name, millis[runs / 2], millis[(int) Math.ceil(runs * 0.95) - 1], runs, rows);
    }
}
