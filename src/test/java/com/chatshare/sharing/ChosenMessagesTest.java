package com.chatshare.sharing;

import static com.chatshare.sharing.SharingFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageRole;
import com.chatshare.disclosure.SnapshotCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Choose messages (issue 14): what is left out never reaches the snapshot, and Updates keep the choice. */
@IntegrationTest
class ChosenMessagesTest {

    static final String GITHUB_TOKEN = "ghp_vxy3KETVqyrxlbiUshF0U71P8FQdoE7bdiAP";

    @Autowired
    ShareService shares;

    @Autowired
    SharedChatService sharedChats;

    @Autowired
    ConversationService conversations;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    ConversationSummary chat;
    List<ChatMessage> messages;

    @BeforeEach
    void aliceWithFiveMessages() {
        SignedIn.as(users, "alice");
        chat = conversations.createConversation("Chosen " + System.nanoTime(), List.of(
                new ChatTurn(MessageRole.USER, "First question, shared"),
                new ChatTurn(MessageRole.ASSISTANT, "Private answer ALPHA-7731"),
                new ChatTurn(MessageRole.USER, "My token is " + GITHUB_TOKEN + " and BRAVO-4412"),
                new ChatTurn(MessageRole.ASSISTANT, "Third answer, shared"),
                new ChatTurn(MessageRole.USER, "Last words CHARLIE-9090")));
        messages = conversations.findMessages(chat.id());
    }

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    @Test
    void left_out_messages_reach_neither_the_stored_snapshot_nor_the_page_nor_the_markdown_and_a_marker_says_how_many()
            throws Exception {
        SharePreview preview = shares.preview(chat.id());
        ShareDetails details = shares.share(ShareRequest.of(chat.id(), "Chosen", ShareVisibility.ANONYMOUS)
                .withChoice(preview.choiceExcluding(Set.of(id(1), id(2)))));

        List<String> stored = jdbc.queryForList("select content from snapshot_message where share_link_id = ? "
                + "order by position", String.class, details.shareId());
        assertThat(stored).containsExactly("First question, shared", "Third answer, shared", "Last words CHARLIE-9090");
        assertThat(jdbc.queryForList("select omitted_before from snapshot_message where share_link_id = ? "
                + "order by position", Integer.class, details.shareId())).containsExactly(0, 2, 0);
        SignedIn.signOut();

        String page = mvc.perform(get(details.path())).andReturn().getResponse().getContentAsString();
        String markdown = mvc.perform(get(details.path() + ".md")).andReturn().getResponse().getContentAsString();
        for (String text : List.of(page, markdown)) {
            assertThat(text).contains("Third answer, shared", "2 messages not shared")
                    .doesNotContain("ALPHA-7731", "BRAVO-4412", GITHUB_TOKEN);
        }
        assertThat(markdown).contains("## User\n\nFirst question, shared\n\n*2 messages not shared*\n\n## Assistant");
        assertThat(page.indexOf("First question")).isLessThan(page.indexOf("2 messages not shared"));
        assertThat(page.indexOf("2 messages not shared")).isLessThan(page.indexOf("Third answer"));

        SignedIn.as(users, "bob");
        PublicSnapshot signedIn = sharedChats.findSnapshot(token(details)).orElseThrow();
        assertThat(signedIn.messages()).extracting(SnapshotMessage::omittedBefore).containsExactly(0, 2, 0);
        assertThat(SnapshotHtml.of(signedIn.messages())).contains("2 messages not shared").doesNotContain("ALPHA");
        ConversationSummary copy = sharedChats.continueConversation(token(details));
        assertThat(conversations.findMessages(copy.id())).extracting(ChatMessage::content)
                .containsExactly("First question, shared", "Third answer, shared", "Last words CHARLIE-9090");
    }

    @Test
    void an_update_from_anywhere_keeps_leaving_out_what_was_left_out_and_shares_new_messages() throws Exception {
        ShareDetails details = shares.share(ShareRequest.of(chat.id(), "Chosen", ShareVisibility.ANONYMOUS)
                .withChoice(shares.preview(chat.id()).choiceExcluding(Set.of(id(2)))));
        conversations.postUserMessage(chat.id(), "A new question DELTA-5150");

        // The links grid's Update: no dialog, no choice.
        shares.share(ShareRequest.of(chat.id(), "Chosen", ShareVisibility.ANONYMOUS));

        assertThat(snapshotTexts(details)).contains("A new question DELTA-5150", "Private answer ALPHA-7731")
                .noneMatch(text -> text.contains("BRAVO-4412"));
        SharePreview again = shares.preview(chat.id());
        assertThat(again.messages()).extracting(PreviewMessage::shared)
                .containsExactly(true, true, false, true, true, true);

        // The dialog's Update with its ticks as shown.
        shares.share(ShareRequest.of(chat.id(), "Chosen", ShareVisibility.ANONYMOUS)
                .withChoice(again.choiceExcluding(Set.of(id(2)))));
        assertThat(snapshotTexts(details)).hasSize(5).noneMatch(text -> text.contains("BRAVO-4412"));
        SignedIn.signOut();
        assertThat(mvc.perform(get(details.path())).andReturn().getResponse().getContentAsString())
                .contains("DELTA-5150", "1 message not shared").doesNotContain("BRAVO-4412");
    }

    @Test
    void ticking_a_message_again_shares_it_again() {
        ShareDetails details = shares.share(ShareRequest.of(chat.id(), "Chosen", ShareVisibility.ANONYMOUS)
                .withChoice(shares.preview(chat.id()).choiceExcluding(Set.of(id(1)))));
        assertThat(snapshotTexts(details)).doesNotContain("Private answer ALPHA-7731");

        shares.share(ShareRequest.of(chat.id(), "Chosen", ShareVisibility.ANONYMOUS)
                .withChoice(shares.preview(chat.id()).choiceExcluding(Set.of())));

        assertThat(snapshotTexts(details)).hasSize(5).contains("Private answer ALPHA-7731");
        assertThat(jdbc.queryForObject("select count(*) from share_link_excluded_message where share_link_id = ?",
                Integer.class, details.shareId())).isZero();
    }

    @Test
    void sharing_up_to_a_message_leaves_no_marker_at_the_end_and_counts_nothing_new() throws Exception {
        ShareDetails details = shares.share(ShareRequest.of(chat.id(), "Chosen", ShareVisibility.ANONYMOUS)
                .withChoice(shares.preview(chat.id()).choiceExcluding(Set.of(id(3), id(4)))));

        assertThat(snapshotTexts(details)).hasSize(3);
        assertThat(details.newMessages()).isZero();
        SignedIn.signOut();
        assertThat(mvc.perform(get(details.path())).andReturn().getResponse().getContentAsString())
                .doesNotContain("not shared", "CHARLIE-9090");
    }

    @Test
    void leaving_out_every_message_is_refused_and_shares_nothing() {
        SharePreview preview = shares.preview(chat.id());
        Set<Long> all = Set.copyOf(messages.stream().map(ChatMessage::id).toList());

        assertThatThrownBy(() -> shares.share(ShareRequest.of(chat.id(), "Chosen", ShareVisibility.ANONYMOUS)
                .withChoice(preview.choiceExcluding(all))))
                .isInstanceOf(ShareException.class).hasMessage(ShareService.NOTHING_CHOSEN_MESSAGE);
        assertThat(shares.findShare(chat.id())).isEmpty();
    }

    @Test
    void ids_of_another_chats_messages_are_refused_and_the_link_stays_as_it_was() {
        ShareDetails details = shares.share(ShareRequest.of(chat.id(), "Chosen", ShareVisibility.ANONYMOUS));
        ConversationSummary other = conversations.createConversation("Other " + System.nanoTime(),
                List.of(new ChatTurn(MessageRole.USER, "elsewhere")));
        long foreign = conversations.findMessages(other.id()).getFirst().id();
        SharePreview preview = shares.preview(chat.id());

        assertThatThrownBy(() -> shares.share(ShareRequest.of(chat.id(), "Changed", ShareVisibility.NAMED)
                .withChoice(preview.choiceExcluding(Set.of(foreign, id(1))))))
                .isInstanceOf(ShareException.class).hasMessage(ShareService.NOT_IN_CHAT_MESSAGE);
        assertThatThrownBy(() -> shares.share(ShareRequest.of(chat.id(), "Changed", ShareVisibility.NAMED)
                .withChoice(preview.choiceExcluding(Set.of(-1L)))))
                .isInstanceOf(ShareException.class).hasMessage(ShareService.NOT_IN_CHAT_MESSAGE);

        assertThat(snapshotTexts(details)).hasSize(5);
        assertThat(shares.findShare(chat.id()).orElseThrow().title()).isEqualTo("Chosen");
    }

    @Test
    void a_choice_made_on_a_preview_older_than_the_link_is_refused() {
        SharePreview firstTab = shares.preview(chat.id());
        SharePreview secondTab = shares.preview(chat.id());
        ShareDetails details = shares.share(ShareRequest.of(chat.id(), "Chosen", ShareVisibility.ANONYMOUS)
                .withChoice(secondTab.choiceExcluding(Set.of(id(2)))));

        assertThatThrownBy(() -> shares.share(ShareRequest.of(chat.id(), "Chosen", ShareVisibility.ANONYMOUS)
                .withChoice(firstTab.choiceExcluding(Set.of()))))
                .isInstanceOf(ShareException.class).hasMessage(ShareService.CHANGED_SINCE_PREVIEW_MESSAGE);
        assertThat(snapshotTexts(details)).noneMatch(text -> text.contains("BRAVO-4412"));

        // The grid's Update in between makes the second tab's preview stale as well.
        SharePreview fresh = shares.preview(chat.id());
        shares.share(ShareRequest.of(chat.id(), "Chosen", ShareVisibility.ANONYMOUS));
        assertThatThrownBy(() -> shares.share(ShareRequest.of(chat.id(), "Chosen", ShareVisibility.ANONYMOUS)
                .withChoice(fresh.choiceExcluding(Set.of()))))
                .isInstanceOf(ShareException.class).hasMessage(ShareService.CHANGED_SINCE_PREVIEW_MESSAGE);
        assertThat(snapshotTexts(details)).noneMatch(text -> text.contains("BRAVO-4412"));
    }

    @Test
    void a_message_finished_after_the_preview_waits_for_the_next_update() {
        SharePreview preview = shares.preview(chat.id());
        conversations.postUserMessage(chat.id(), "Sent while the dialog was open ECHO-3321");

        ShareDetails details = shares.share(ShareRequest.of(chat.id(), "Chosen", ShareVisibility.ANONYMOUS)
                .withChoice(preview.choiceExcluding(Set.of())));

        assertThat(snapshotTexts(details)).hasSize(5).noneMatch(text -> text.contains("ECHO-3321"));
        assertThat(details.newMessages()).isEqualTo(1);
        assertThat(shares.preview(chat.id()).messages().getLast().shared()).isTrue();
    }

    @Test
    void the_preview_flags_what_looks_like_a_secret_per_message_and_never_the_whole_value() {
        SignedIn.as(users, "alice");
        ConversationSummary phone = conversations.createConversation("Phone " + System.nanoTime(),
                List.of(new ChatTurn(MessageRole.USER, "Call me at (415) 555-2671 tomorrow")));

        SharePreview preview = shares.preview(chat.id(), Locale.US);

        assertThat(preview.messages()).extracting(m -> m.findings().isEmpty())
                .containsExactly(true, true, false, true, true);
        SnapshotCheck.Finding finding = preview.messages().get(2).findings().getFirst();
        assertThat(finding.kind()).isEqualTo(SnapshotCheck.Kind.API_KEY);
        assertThat(finding.label()).isEqualTo("GitHub token");
        assertThat(finding.masked()).startsWith("ghp_").doesNotContain(GITHUB_TOKEN.substring(4, 30));
        assertThat(shares.preview(phone.id(), Locale.US).messages().getFirst().findings())
                .extracting(SnapshotCheck.Finding::kind).containsExactly(SnapshotCheck.Kind.PHONE);
        assertThat(shares.preview(phone.id(), Locale.ENGLISH).messages().getFirst().findings()).isEmpty();
    }

    private long id(int index) {
        return messages.get(index).id();
    }

    private List<String> snapshotTexts(ShareDetails details) {
        return new ArrayList<>(jdbc.queryForList("select content from snapshot_message where share_link_id = ? "
                + "order by position", String.class, details.shareId()));
    }
}
