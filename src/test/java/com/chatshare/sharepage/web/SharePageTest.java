package com.chatshare.sharepage.web;

import static com.chatshare.sharing.SharingFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.sharepage.internal.ViewCounter;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.chatshare.sharing.ShareRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The public page through the real filter chain: headers, statelessness, 404/410, ETags. */
@IntegrationTest
class SharePageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ShareService shares;

    @Autowired
    ConversationService conversations;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ViewCounter viewCounter;

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    private ShareDetails share(String question, ShareVisibility visibility) {
        return SharingFixtures.sharedByAlice(shares, conversations, users, question, visibility);
    }

    @Test
    void shared_page_shows_title_attribution_and_messages_to_anyone() throws Exception {
        ShareDetails details = share("What is **Markdown**?", ShareVisibility.NAMED);

        String body = mvc.perform(get(details.path())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(body).contains("<h1 dir=\"auto\">What is **Markdown**?</h1>", "Shared by <bdi>Alice Example</bdi>",
                "<p class=\"verbatim\">What is **Markdown**?</p>", "Continue this conversation", "/share/" + token(details) + "/continue",
                "<meta property=\"og:title\" content=\"What is **Markdown**?\">");
        assertThat(body).doesNotContain("alice\"", "<script");
    }

    @Test
    void anonymous_share_does_not_name_the_owner() throws Exception {
        ShareDetails details = share("Anonymous question", ShareVisibility.ANONYMOUS);

        String body = mvc.perform(get(details.path())).andReturn().getResponse().getContentAsString();

        assertThat(body).contains("Shared anonymously").doesNotContain("Alice", "alice");
    }

    @Test
    void page_sends_the_privacy_and_security_headers() throws Exception {
        ShareDetails details = share("Headers please", ShareVisibility.ANONYMOUS);

        MockHttpServletResponse response = mvc.perform(get(details.path())).andReturn().getResponse();

        assertThat(response.getHeader("X-Robots-Tag")).isEqualTo("noindex, nofollow, noarchive");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache");
        assertThat(response.getHeader("ETag")).matches("\"[0-9a-f]{24}\"");
        String csp = response.getHeader("Content-Security-Policy");
        assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(response.getContentAsString()).contains("<meta name=\"robots\" content=\"noindex, nofollow, noarchive\">");
    }

    @Test
    void page_creates_no_session_and_sets_no_cookie_even_for_signed_in_viewers() throws Exception {
        ShareDetails details = share("Stateless please", ShareVisibility.ANONYMOUS);

        MvcResult anonymous = mvc.perform(get(details.path())).andReturn();
        MvcResult signedIn = mvc.perform(get(details.path()).with(user("bob").roles("USER"))).andReturn();

        for (MvcResult result : new MvcResult[] {anonymous, signedIn}) {
            assertThat(result.getRequest().getSession(false)).isNull();
            assertThat(result.getResponse().getHeaders("Set-Cookie")).isEmpty();
        }
        assertThat(signedIn.getResponse().getContentAsString()).isEqualTo(anonymous.getResponse().getContentAsString());
    }

    @Test
    void matching_if_none_match_gets_304_without_a_body() throws Exception {
        ShareDetails details = share("Cache me", ShareVisibility.ANONYMOUS);
        String etag = mvc.perform(get(details.path())).andReturn().getResponse().getHeader("ETag");

        MockHttpServletResponse response = mvc.perform(get(details.path()).header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andReturn().getResponse();

        assertThat(response.getContentAsString()).isEmpty();
        assertThat(response.getHeader("ETag")).isEqualTo(etag);
    }

    @Test
    void if_none_match_as_a_list_or_weak_tag_gets_304_and_a_stale_tag_gets_the_page() throws Exception {
        ShareDetails details = share("Cache me in a list", ShareVisibility.ANONYMOUS);
        String etag = mvc.perform(get(details.path())).andReturn().getResponse().getHeader("ETag");

        for (String header : new String[] {"\"stale\", " + etag, "W/" + etag}) {
            MockHttpServletResponse response = mvc.perform(get(details.path()).header("If-None-Match", header))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(header).isEqualTo(304);
            assertThat(response.getContentAsString()).as(header).isEmpty();
            assertThat(response.getHeader("ETag")).as(header).isEqualTo(etag);
        }
        MockHttpServletResponse stale = mvc.perform(get(details.path()).header("If-None-Match", "\"stale\""))
                .andReturn().getResponse();
        assertThat(stale.getStatus()).isEqualTo(200);
        assertThat(stale.getContentAsString()).contains("Cache me in a list");
        assertThat(stale.getHeader("ETag")).isEqualTo(etag);
    }

    @Test
    void unknown_malformed_and_deleted_tokens_get_the_same_404() throws Exception {
        ShareDetails details = share("Soon deleted", ShareVisibility.ANONYMOUS);
        SignedIn.as(users, "alice");
        shares.deleteShare(details.conversationId());
        SignedIn.signOut();

        MockHttpServletResponse deleted = mvc.perform(get(details.path())).andReturn().getResponse();
        MockHttpServletResponse unknown = mvc.perform(get("/share/AAAAAAAAAAAAAAAAAAAAAA")).andReturn().getResponse();
        MockHttpServletResponse malformed = mvc.perform(get("/share/not-a-token'\"<x>")).andReturn().getResponse();
        MockHttpServletResponse conversationId = mvc.perform(get("/share/" + details.conversationId()))
                .andReturn().getResponse();

        for (MockHttpServletResponse response : new MockHttpServletResponse[] {deleted, unknown, malformed, conversationId}) {
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.getContentAsString()).isEqualTo(deleted.getContentAsString()).doesNotContain("Exception");
            assertThat(response.getHeader("X-Robots-Tag")).isEqualTo("noindex, nofollow, noarchive");
        }
    }

    @Test
    void a_token_with_its_letters_case_changed_is_another_token() throws Exception {
        ShareDetails details = share("Case matters", ShareVisibility.ANONYMOUS);
        String token = token(details);
        String flipped = token.chars()
                .map(c -> Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

        mvc.perform(get(details.path())).andExpect(status().isOk());
        mvc.perform(get("/share/" + flipped)).andExpect(status().isNotFound());
    }

    @Test
    void the_page_only_answers_reads() throws Exception {
        ShareDetails details = share("Read only", ShareVisibility.ANONYMOUS);

        mvc.perform(post(details.path())).andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "GET, HEAD"));
        mvc.perform(delete(details.path())).andExpect(status().isMethodNotAllowed());
        mvc.perform(get(details.path())).andExpect(status().isOk());
    }

    @Test
    void deleting_the_conversation_makes_the_page_404_on_the_next_request() throws Exception {
        ShareDetails details = share("Conversation to delete", ShareVisibility.ANONYMOUS);
        mvc.perform(get(details.path())).andExpect(status().isOk());

        SignedIn.as(users, "alice");
        conversations.delete(details.conversationId());

        mvc.perform(get(details.path())).andExpect(status().isNotFound());
    }

    @Test
    void taken_down_link_answers_410_with_a_neutral_notice() throws Exception {
        ShareDetails details = share("To be taken down", ShareVisibility.ANONYMOUS);
        jdbc.update("update share_link set status = 'TAKEN_DOWN', takedown_reason = 'spam' where id = ?",
                details.shareId());

        MockHttpServletResponse response = mvc.perform(get(details.path())).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(410);
        assertThat(response.getContentAsString()).contains("no longer available").doesNotContain("To be taken down", "spam");
    }

    @Test
    void the_page_is_a_snapshot_until_the_owner_updates_it() throws Exception {
        ShareDetails details = share("Original question", ShareVisibility.ANONYMOUS);
        String before = mvc.perform(get(details.path())).andReturn().getResponse().getContentAsString();
        String etagBefore = mvc.perform(get(details.path())).andReturn().getResponse().getHeader("ETag");

        SignedIn.as(users, "alice");
        conversations.postUserMessage(details.conversationId(), "A later message");
        SignedIn.signOut();
        String unchanged = mvc.perform(get(details.path())).andReturn().getResponse().getContentAsString();

        SignedIn.as(users, "alice");
        assertThat(shares.findShare(details.conversationId()).orElseThrow().newMessages()).isEqualTo(1);
        shares.share(ShareRequest.of(details.conversationId(), "Original question", ShareVisibility.ANONYMOUS));
        SignedIn.signOut();
        MockHttpServletResponse after = mvc.perform(get(details.path()).header("If-None-Match", etagBefore))
                .andReturn().getResponse();

        assertThat(unchanged).isEqualTo(before).doesNotContain("A later message");
        assertThat(after.getStatus()).isEqualTo(200);
        assertThat(after.getContentAsString()).contains("A later message");
        assertThat(after.getHeader("ETag")).isNotEqualTo(etagBefore);
    }

    @Test
    void views_are_counted_without_a_write_per_request() throws Exception {
        ShareDetails details = share("Count my views", ShareVisibility.ANONYMOUS);
        for (int i = 0; i < 3; i++) {
            String address = "192.0.2." + (i + 1);
            mvc.perform(get(details.path()).with(request -> {
                request.setRemoteAddr(address);
                return request;
            })).andExpect(status().isOk());
        }
        assertThat(viewCount(details)).isZero();

        viewCounter.flush();

        assertThat(viewCount(details)).isEqualTo(3);
    }

    @Test
    void continue_page_sends_anonymous_viewers_to_sign_in_first() throws Exception {
        ShareDetails details = share("Continue me", ShareVisibility.ANONYMOUS);

        mvc.perform(get(details.path() + "/continue"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/login"));
    }

    private long viewCount(ShareDetails details) {
        return jdbc.queryForObject("select view_count from share_link where id = ?", Long.class, details.shareId());
    }
}
