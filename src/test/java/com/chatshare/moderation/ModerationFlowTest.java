package com.chatshare.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.audit.AuditAction;
import com.chatshare.audit.AuditEntry;
import com.chatshare.audit.AuditFilter;
import com.chatshare.audit.AuditLog;
import com.chatshare.conversations.ConversationService;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareException;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ModeratedLinkQuery;
import com.chatshare.sharing.ShareModeration;
import com.chatshare.sharing.ShareToken;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.chatshare.sharing.ShareRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Report → queue → takedown → 410 → owner sees why → Update refused → reinstate → 200, with its audit trail. */
@IntegrationTest
class ModerationFlowTest {

    @Autowired
    ReportService reports;

    @Autowired
    MockMvc mvc;

    @Autowired
    ModerationService moderation;

    @Autowired
    ShareModeration takedowns;

    @Autowired
    ShareService shares;

    @Autowired
    ConversationService conversations;

    @Autowired
    UserDetailsService users;

    @Autowired
    AuditLog auditLog;

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    private ShareDetails share(String question) {
        ShareDetails details = SharingFixtures.share(shares, conversations, users, "alice", question,
                ShareVisibility.ANONYMOUS);
        SignedIn.signOut();
        return details;
    }

    private void report(ShareDetails link, String address) throws Exception {
        mvc.perform(post(link.path() + "/report").with(csrf()).with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }).param("reason", "SPAM_OR_PHISHING").param("details", "Selling fake watches"))
                .andExpect(status().isOk());
    }

    @Test
    void a_takedown_without_a_reason_is_refused_plainly_and_takes_nothing_down() throws Exception {
        ShareDetails link = share("Is this one reasonless?");
        SignedIn.as(users, "mod");

        assertThatThrownBy(() -> moderation.takeDown(List.of(link.shareId()), null, "No reason given"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Choose a reason: the owner is told it.");

        SignedIn.signOut();
        mvc.perform(get(link.path())).andExpect(status().isOk());
    }

    @Test
    void the_whole_moderation_flow_with_its_audit_trail() throws Exception {
        ShareDetails link = share("Buy cheap watches here");
        report(link, "10.0.0.1");

        SignedIn.as(users, "mod");
        List<ModerationRow> queue = moderation.findQueue(ModerationFilter.reportedFirst().withSearch(link.path()), 0, 10);
        assertThat(queue).singleElement().satisfies(row -> {
            assertThat(row.openReports()).isEqualTo(1);
            assertThat(row.ownerUsername()).isEqualTo("alice");
        });
        assertThat(moderation.findQueue(ModerationFilter.reportedFirst().withSearch("cheap WATCH").withOwner("alice"), 0, 10))
                .extracting(ModerationRow::shareId).contains(link.shareId());
        ModerationDetail detail = moderation.detail(link.shareId()).orElseThrow();
        assertThat(detail.reports()).singleElement().satisfies(r -> assertThat(r.details()).isEqualTo("Selling fake watches"));
        assertThat(detail.messages()).isNotEmpty();

        assertThatThrownBy(() -> moderation.takeDown(List.of(link.shareId()), ReportReason.SPAM_OR_PHISHING, " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(moderation.takeDown(List.of(link.shareId()), ReportReason.SPAM_OR_PHISHING, "Obvious spam"))
                .isEqualTo(1);
        SignedIn.signOut();
        mvc.perform(get(link.path())).andExpect(status().isGone());

        SignedIn.as(users, "alice");
        assertThat(shares.findShare(link.conversationId()).orElseThrow().takedownReason()).isEqualTo("Spam or phishing");
        assertThatThrownBy(() -> shares.share(
                ShareRequest.of(link.conversationId(), "Revived", ShareVisibility.ANONYMOUS)))
                .isInstanceOf(ShareException.class);
        SignedIn.signOut();
        mvc.perform(get(link.path())).andExpect(status().isGone());

        SignedIn.as(users, "mod");
        assertThat(moderation.reinstate(link.shareId(), "Appeal accepted")).isTrue();
        SignedIn.signOut();
        mvc.perform(get(link.path())).andExpect(status().isOk());

        SignedIn.as(users, "mod");
        List<AuditEntry> trail = auditLog.find(AuditFilter.all().withTarget("share:" + link.shareId()), 0, 20);
        assertThat(trail).extracting(AuditEntry::action).containsSubsequence(
                AuditAction.LINK_REINSTATED, AuditAction.LINK_TAKEN_DOWN, AuditAction.REPORT_FILED,
                AuditAction.LINK_CREATED);
        assertThat(trail).filteredOn(e -> e.action() == AuditAction.LINK_TAKEN_DOWN)
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("mod");
                    assertThat(e.details()).contains("Obvious spam");
                });
    }

    @Test
    void dismissing_reports_empties_the_open_count() throws Exception {
        ShareDetails link = share("Harmless recipe");
        report(link, "10.0.0.2");
        SignedIn.as(users, "mod");

        assertThat(moderation.dismissReports(link.shareId(), "Not a problem")).isEqualTo(1);

        assertThat(moderation.findQueue(ModerationFilter.reportedFirst().withSearch(link.path()), 0, 1).getFirst()
                .openReports()).isZero();
    }

    @Test
    void reports_need_the_csrf_token() throws Exception {
        ShareDetails link = share("CSRF check");

        mvc.perform(post(link.path() + "/report").param("reason", "OTHER")).andExpect(status().isForbidden());
    }

    @Test
    void reports_are_rate_limited_per_address_with_a_clear_message() throws Exception {
        List<ShareDetails> links = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            links.add(share("Rate limit check " + i));
        }
        for (int i = 0; i < 5; i++) {
            report(links.get(i), "10.9.9.9");
        }

        String body = mvc.perform(post(links.get(5).path() + "/report").with(csrf()).with(request -> {
                    request.setRemoteAddr("10.9.9.9");
                    return request;
                }).param("reason", "OTHER"))
                .andExpect(status().isTooManyRequests())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("many reports in a short time");
        report(links.get(5), "10.9.9.10");
    }

    @Test
    void thirty_reports_from_six_addresses_do_not_stop_a_seventh_reader_and_count_six() throws Exception {
        ShareDetails link = share("Flooded with junk reports");
        for (int address = 1; address <= 6; address++) {
            for (int i = 0; i < 5; i++) {
                report(link, "10.66.0." + address);
            }
        }

        report(link, "10.66.0.7");

        SignedIn.as(users, "mod");
        assertThat(moderation.findQueue(ModerationFilter.reportedFirst().withSearch(link.path()), 0, 1)).singleElement()
                .satisfies(row -> assertThat(row.openReports()).isEqualTo(7));
        assertThat(moderation.detail(link.shareId()).orElseThrow().reports()).hasSize(7);
    }

    @Test
    void one_ipv6_site_is_one_allowance_however_many_of_its_networks_report() throws Exception {
        List<ShareDetails> links = new java.util.ArrayList<>();
        for (int i = 0; i <= ReportService.PER_SITE; i++) {
            links.add(share("Reported from one site " + i));
        }
        // Each report from another /64 of 2001:db8:42::/48, each of another link.
        for (int i = 0; i < ReportService.PER_SITE; i++) {
            report(links.get(i), "2001:db8:42:" + Integer.toHexString(i + 1) + "::1");
        }

        mvc.perform(post(links.get(ReportService.PER_SITE).path() + "/report").with(csrf()).with(request -> {
                    request.setRemoteAddr("2001:db8:42:ff::1");
                    return request;
                }).param("reason", "OTHER"))
                .andExpect(status().isTooManyRequests());
        report(links.get(ReportService.PER_SITE), "2001:db8:43::1");
    }

    @Test
    void a_signed_in_readers_report_is_stored_after_the_links_anonymous_cap_is_reached() {
        ShareDetails link = share("Flooded, then reported by a reader");
        for (int i = 0; i < ReportService.PER_LINK; i++) {
            assertThat(reports.file(SharingFixtures.token(link), ReportReason.SPAM_OR_PHISHING, "junk",
                    address("2001:db8:" + Integer.toHexString(0x100 + i) + "::1"))).isPresent();
        }
        assertThat(reports.file(SharingFixtures.token(link), ReportReason.SPAM_OR_PHISHING, "one too many",
                address("2001:db8:ffff::1"))).as("past the anonymous cap: answered, not stored").isEmpty();

        SignedIn.as(users, "bob");
        assertThat(reports.fileAsReader(SharingFixtures.token(link), ReportReason.VIOLENCE, "A real concern",
                address("192.0.2.44"))).isPresent();
        SignedIn.signOut();
    }

    private static java.net.InetAddress address(String text) {
        return com.chatshare.security.ClientAddress.parse(text).orElseThrow();
    }

    @Test
    void a_reporter_who_reports_one_link_again_is_answered_the_same_and_counted_once() throws Exception {
        ShareDetails link = share("Reported twice by one reader");

        report(link, "10.67.0.1");
        report(link, "10.67.0.1");

        SignedIn.as(users, "mod");
        assertThat(moderation.detail(link.shareId()).orElseThrow().reports()).hasSize(1);
    }

    @Test
    void the_report_form_keeps_what_was_typed_when_the_reason_is_missing() throws Exception {
        ShareDetails link = share("Form check");

        String body = mvc.perform(post(link.path() + "/report").with(csrf()).param("details", "My <b>notes</b>"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(body).contains("Choose a reason.", "My &lt;b&gt;notes&lt;/b&gt;");
        mvc.perform(get("/share/AAAAAAAAAAAAAAAAAAAAAA/report")).andExpect(status().isNotFound());
    }

    @Test
    void plain_users_cannot_moderate() {
        ShareDetails link = share("Not yours to moderate");
        SignedIn.as(users, "bob");

        assertThatThrownBy(() -> moderation.findQueue(ModerationFilter.reportedFirst(), 0, 10))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> moderation.takeDown(List.of(link.shareId()), ReportReason.OTHER, "x"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> moderation.reinstate(link.shareId(), "x"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> moderation.dismissReports(link.shareId(), "x"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> takedowns.takeDown(List.of(link.shareId()), "x"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> takedowns.reinstate(link.shareId()))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> takedowns.find(ModeratedLinkQuery.all(ModeratedLinkQuery.Sort.CREATED), 0, 10))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void the_queue_filters_by_the_day_a_link_was_shared() {
        ShareDetails link = share("Dated link");
        SignedIn.as(users, "mod");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        ModerationFilter byUrl = ModerationFilter.reportedFirst().withSearch(link.path());

        assertThat(moderation.findQueue(byUrl.withDates(today, today), 0, 10)).hasSize(1);
        assertThat(moderation.findQueue(byUrl.withDates(today.plusDays(1), null), 0, 10)).isEmpty();
        assertThat(moderation.findQueue(byUrl.withDates(null, today.minusDays(1)), 0, 10)).isEmpty();
    }

    @Test
    void bulk_take_down_applies_one_reason_to_all_selected() throws Exception {
        ShareDetails first = share("Bulk one");
        ShareDetails second = share("Bulk two");
        SignedIn.as(users, "mod");

        assertThat(moderation.takeDown(List.of(first.shareId(), second.shareId()), ReportReason.SPAM_OR_PHISHING,
                "Same spam campaign")).isEqualTo(2);

        SignedIn.signOut();
        mvc.perform(get(first.path())).andExpect(status().isGone());
        mvc.perform(get(second.path())).andExpect(status().isGone());
    }

    @Test
    void a_pasted_share_url_or_token_is_recognised() {
        ShareToken token = new ShareToken("AbCdEfGhIjKlMnOpQrStUv");
        assertThat(ShareToken.find("https://chat.example.org/share/AbCdEfGhIjKlMnOpQrStUv")).contains(token);
        assertThat(ShareToken.find("https://chat.example.org/share/AbCdEfGhIjKlMnOpQrStUv/continue?x=1")).contains(token);
        assertThat(ShareToken.find(" /share/AbCdEfGhIjKlMnOpQrStUv#top ")).contains(token);
        assertThat(ShareToken.find("AbCdEfGhIjKlMnOpQrStUv")).contains(token);
        assertThat(ShareToken.find("cheap watches")).isEmpty();
        assertThat(ShareToken.find("/share/AbCdEfGhIjKlMnOpQrStUvX")).isEmpty();
        assertThat(token.path()).isEqualTo("/share/AbCdEfGhIjKlMnOpQrStUv");
        assertThat(token.toString()).doesNotContain("AbCdEfGhIjKlMnOpQrStUv");
    }
}
