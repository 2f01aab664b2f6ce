package com.chatshare.sharepage.web;

import static com.chatshare.sharing.SharingFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageRole;
import com.chatshare.moderation.ModerationService;
import com.chatshare.moderation.ReportReason;
import com.chatshare.sharepage.internal.ViewCounter;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.ShareRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /share/TOKEN.md}: the snapshot's Markdown source as a download, under the page's rules. */
@IntegrationTest
class SharePageMarkdownTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ShareService shares;

    @Autowired
    ConversationService conversations;

    @Autowired
    ModerationService moderation;

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

    private ShareDetails share(String title, ShareVisibility visibility, ChatTurn... turns) {
        SignedIn.as(users, "alice");
        ConversationSummary chat = conversations.createConversation("Markdown download " + System.nanoTime(),
                List.of(turns));
        ShareDetails details = shares.share(ShareRequest.of(chat.id(), title, visibility));
        SignedIn.signOut();
        return details;
    }

    private ShareDetails share(String title) {
        return share(title, ShareVisibility.NAMED, new ChatTurn(MessageRole.USER, "How do I **bold** text?"),
                new ChatTurn(MessageRole.ASSISTANT, "Wrap it in `**double stars**`:\n\n```\n**bold**\n```"));
    }

    @Test
    void the_download_is_the_snapshots_markdown_source_with_title_author_and_roles() throws Exception {
        ShareDetails details = share("Bold text");

        MockHttpServletResponse response = mvc.perform(get(details.path() + ".md")).andExpect(status().isOk())
                .andReturn().getResponse();

        assertThat(response.getHeader("Content-Type")).isEqualToIgnoringWhitespace("text/markdown;charset=UTF-8");
        assertThat(response.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"Bold text.md\"; filename*=UTF-8''Bold%20text.md");
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).startsWith("# Bold text\n\nShared by Alice Example on ")
                .contains("\n## User\n\nHow do I \\*\\*bold\\*\\* text?\n",
                        "\n## Assistant\n\nWrap it in `**double stars**`:\n\n```\n**bold**\n```\n")
                .doesNotContain("<strong>", "<code>", "alice\"");
    }

    @Test
    void the_download_sends_the_pages_security_headers_and_no_cookie() throws Exception {
        ShareDetails details = share("Headers too", ShareVisibility.ANONYMOUS,
                new ChatTurn(MessageRole.USER, "Hello"));

        MockHttpServletResponse response = mvc.perform(get(details.path() + ".md")).andReturn().getResponse();

        assertThat(response.getHeader("X-Robots-Tag")).isEqualTo("noindex, nofollow, noarchive");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache");
        assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(SharePageFilter.CONTENT_SECURITY_POLICY);
        assertThat(response.getHeader("ETag")).matches("\"[0-9a-f]{24}\"");
        assertThat(response.getHeaders("Set-Cookie")).isEmpty();
        assertThat(response.getContentAsString()).startsWith("# Headers too\n\nShared anonymously on ")
                .doesNotContain("Alice");
    }

    @Test
    void every_viewer_gets_the_same_bytes_and_an_unchanged_download_costs_a_304() throws Exception {
        ShareDetails details = share("Same for all");

        MockHttpServletResponse anonymous = mvc.perform(get(details.path() + ".md")).andReturn().getResponse();
        MockHttpServletResponse signedIn = mvc.perform(get(details.path() + ".md").with(user("bob").roles("USER")))
                .andReturn().getResponse();
        MockHttpServletResponse page = mvc.perform(get(details.path())).andReturn().getResponse();

        assertThat(signedIn.getContentAsByteArray()).isEqualTo(anonymous.getContentAsByteArray());
        assertThat(signedIn.getHeader("ETag")).isEqualTo(anonymous.getHeader("ETag"))
                .isNotEqualTo(page.getHeader("ETag"));
        MockHttpServletResponse notModified = mvc.perform(get(details.path() + ".md")
                        .header("If-None-Match", anonymous.getHeader("ETag")))
                .andExpect(status().isNotModified()).andReturn().getResponse();
        assertThat(notModified.getContentAsString()).isEmpty();
        mvc.perform(head(details.path() + ".md")).andExpect(status().isOk());
        mvc.perform(post(details.path() + ".md")).andExpect(status().isMethodNotAllowed());
    }

    @Test
    void the_public_page_links_to_its_download() throws Exception {
        ShareDetails details = share("Linked download");

        String page = mvc.perform(get(details.path())).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<a class=\"button\" href=\"/share/" + token(details) + ".md\" rel=\"nofollow\" "
                + "download>Download as Markdown</a>");
    }

    @Test
    void deleted_unknown_and_disguised_tokens_get_the_pages_404_and_takedowns_410() throws Exception {
        ShareDetails deleted = share("Deleted download");
        ShareDetails takenDown = share("Taken-down download");
        ShareDetails live = share("Live download");
        SignedIn.as(users, "alice");
        shares.deleteShare(deleted.conversationId());
        SignedIn.as(users, "mod");
        moderation.takeDown(List.of(takenDown.shareId()), ReportReason.SPAM_OR_PHISHING, "Spam");
        SignedIn.signOut();
        String notFound = mvc.perform(get("/share/AAAAAAAAAAAAAAAAAAAAAA")).andReturn().getResponse()
                .getContentAsString();

        for (String path : List.of(deleted.path() + ".md", "/share/AAAAAAAAAAAAAAAAAAAAAA.md",
                live.path() + ".md.md", live.path() + ".MD", live.path() + ".Md", live.path() + ".markdown",
                live.path() + "..md", "/share/.md", "/share/" + live.conversationId() + ".md")) {
            MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentAsString()).as(path).isEqualTo(notFound);
            assertThat(response.getHeader("Content-Disposition")).as(path).isNull();
        }
        MockHttpServletResponse gone = mvc.perform(get(takenDown.path() + ".md")).andReturn().getResponse();
        assertThat(gone.getStatus()).isEqualTo(410);
        assertThat(gone.getContentAsString()).doesNotContain("Taken-down download");
        mvc.perform(get(live.path() + ".md")).andExpect(status().isOk());
    }

    @Test
    void a_disabled_owners_download_answers_404() throws Exception {
        ShareDetails details = share("Owner disabled");
        jdbc.update("update share_link set owner_active = false where id = ?", details.shareId());
        try {
            mvc.perform(get(details.path() + ".md")).andExpect(status().isNotFound());
        } finally {
            jdbc.update("update share_link set owner_active = true where id = ?", details.shareId());
        }
    }

    @Test
    void a_hostile_title_cannot_break_the_header_or_name_a_path() throws Exception {
        ShareDetails details = share("../../etc/\"passwd\"; evil=1 \\ Ünïcödé 🙂 <b>");

        MockHttpServletResponse response = mvc.perform(get(details.path() + ".md")).andExpect(status().isOk())
                .andReturn().getResponse();

        String disposition = response.getHeader("Content-Disposition");
        Matcher parts = Pattern.compile("attachment; filename=\"([A-Za-z0-9 ._-]+)\"; filename\\*=UTF-8''([A-Za-z0-9!#$&+.^_`|~%-]+)")
                .matcher(disposition);
        assertThat(parts.matches()).as(disposition).isTrue();
        assertThat(parts.group(1)).isEqualTo("etc-passwd- evil-1 - Unicode - -b.md");
        assertThat(URLDecoder.decode(parts.group(2).replace("+", "%2B"), StandardCharsets.UTF_8))
                .isEqualTo("etc-passwd-; evil=1 - Ünïcödé 🙂 -b.md");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .startsWith("# ../../etc/\"passwd\"; evil=1 \\\\ Ünïcödé 🙂 \\<b\\>\n");
    }

    @Test
    void downloads_are_not_counted_as_page_views() throws Exception {
        ShareDetails details = share("Not a view");

        mvc.perform(get(details.path() + ".md")).andExpect(status().isOk());
        viewCounter.flush();

        assertThat(jdbc.queryForObject("select view_count from share_link where id = ?", Long.class,
                details.shareId())).isZero();
    }
}
