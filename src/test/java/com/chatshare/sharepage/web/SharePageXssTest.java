package com.chatshare.sharepage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.XssCorpus;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageRole;
import com.chatshare.sharing.PreviewMessage;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.ShareRequest;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Hostile text in every place a share shows it — the user's message, the assistant's output,
 * the title and the owner's display name — must come out as text, never as active markup: on
 * the public page and in the share dialog's preview.
 */
@IntegrationTest
class SharePageXssTest {

    static final AtomicInteger accounts = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    ShareService shares;

    @Autowired
    ConversationService conversations;

    @Autowired
    AccountService accountService;

    @Autowired
    UserDetailsService users;

    static Stream<String> payloads() {
        return XssCorpus.PAYLOADS.stream();
    }

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void hostile_text_stays_text_on_the_public_page_and_in_the_preview(String payload) throws Exception {
        String username = "xss-" + accounts.incrementAndGet();
        String displayName = payload.length() <= 80 && payload.codePoints().noneMatch(Character::isISOControl)
                ? payload : payload.substring(0, Math.min(80, payload.length())).replace("\n", " ");
        accountService.register(new Registration(username, displayName, "long-enough-password"));
        SignedIn.as(users, username);
        ConversationSummary conversation = conversations.importConversation("imported",
                List.of(new ChatTurn(MessageRole.USER, payload), new ChatTurn(MessageRole.ASSISTANT, payload)));
        ShareDetails details = shares.share(ShareRequest.of(conversation.id(), payload, ShareVisibility.NAMED));
        List<PreviewMessage> preview = shares.preview(conversation.id()).messages();
        SignedIn.signOut();

        String page = mvc.perform(get(details.path())).andReturn().getResponse().getContentAsString();

        assertInert(Jsoup.parse(page), true);
        for (PreviewMessage message : preview) {
            // What the dialog puts on the page for it (MessageRow): the one sanitiser's HTML.
            assertInert(Jsoup.parseBodyFragment(markdown.messageHtml(message.content(),
                    message.role() == MessageRole.USER)), false);
        }
        assertThat(page).doesNotContain("\u202E");
    }

    @org.springframework.beans.factory.annotation.Autowired
    com.chatshare.base.markdown.MarkdownRenderer markdown;

    private static void assertInert(Document document, boolean ourPage) {
        assertThat(document.select("script, iframe, object, embed, svg, math, img, form, input, base, template, "
                + "noscript, details, body style, frame, frameset, video, audio, source"))
                .as("active elements").isEmpty();
        assertThat(document.select("meta[http-equiv]")).isEmpty();
        for (Element element : document.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute on <%s>", element.tagName()).doesNotStartWith("on");
                assertThat(name).isNotEqualTo("style");
                if (name.equals("href") || name.equals("src") || name.equals("action")) {
                    String url = attribute.getValue().strip().toLowerCase(Locale.ROOT);
                    assertThat(url).as("url on <%s>", element.tagName())
                            .satisfiesAnyOf(
                                    u -> assertThat(u).startsWith("https://"),
                                    u -> assertThat(u).startsWith("http://"),
                                    u -> assertThat(u).startsWith("mailto:"),
                                    u -> assertThat(u).startsWith("/"));
                }
            }
        }
        for (Element link : document.select("a[href^=http], a[href^=mailto]")) {
            assertThat(link.attr("rel")).isEqualTo("nofollow ugc noopener noreferrer");
        }
        if (ourPage) {
            assertThat(document.select("link")).singleElement()
                    .satisfies(l -> assertThat(l.attr("href")).isEqualTo("/share-assets/share.css"));
        } else {
            assertThat(document.select("link")).isEmpty();
        }
    }
}
