package com.chatshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ReplyStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A snapshot holds the path on screen, and Update after switching versions shares the new path (decision 0023). */
@IntegrationTest
class ShareFollowsTheScreenTest {

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    @Test
    void the_snapshot_holds_the_path_on_screen_and_an_update_after_a_switch_shares_the_new_path() throws Exception {
        SignedIn.as(users, "alice");
        long chat = conversations.startConversation("Shared path: plain question").id();
        answer(conversations.streamReply(chat));
        ChatMessage question = conversations.findMessages(chat).getFirst();
        conversations.editUserMessage(chat, question.id(), "Shared path: edited question");
        answer(conversations.streamReply(chat));

        ShareDetails shared = shares.share(ShareRequest.of(chat, "Shared path", ShareVisibility.ANONYMOUS));
        assertThat(shared.otherVersion()).isFalse();
        assertThat(page(shared.path())).contains("Shared path: edited question")
                .doesNotContain("Shared path: plain question");
        assertThat(page(shared.path() + ".md")).contains("Shared path: edited question")
                .doesNotContain("Shared path: plain question");
        assertThat(shares.preview(chat).messages()).extracting(PreviewMessage::content)
                .first().isEqualTo("Shared path: edited question");

        // Back to the first version: the dialog says so, and counts no "new" messages along another path.
        conversations.switchVersion(chat, conversations.findMessages(chat).getFirst().id(), -1);
        ShareDetails switched = shares.findShare(chat).orElseThrow();
        assertThat(switched.otherVersion()).isTrue();
        assertThat(switched.newMessages()).isZero();
        assertThat(page(shared.path())).as("the snapshot waits for Update").contains("Shared path: edited question");

        ShareDetails updated = shares.share(ShareRequest.of(chat, "Shared path", ShareVisibility.ANONYMOUS));

        assertThat(updated.path()).isEqualTo(shared.path());
        assertThat(updated.otherVersion()).isFalse();
        assertThat(page(shared.path())).contains("Shared path: plain question")
                .doesNotContain("Shared path: edited question");
        assertThat(page(shared.path() + ".md")).contains("Shared path: plain question")
                .doesNotContain("Shared path: edited question");

        // A message added on the path on screen is "new" again, not "another version".
        conversations.postUserMessage(chat, "Shared path: a follow-up");
        ShareDetails grown = shares.findShare(chat).orElseThrow();
        assertThat(grown.otherVersion()).isFalse();
        assertThat(grown.newMessages()).isEqualTo(1);
    }

    @Test
    void a_message_left_out_stays_left_out_on_every_version_and_its_edit_is_not_shared_without_the_dialog()
            throws Exception {
        SignedIn.as(users, "alice");
        long chat = conversations.startConversation("Left out: first question").id();
        answer(conversations.streamReply(chat));
        ChatMessage secret = conversations.postUserMessage(chat, "Left out: my home address");
        answer(conversations.streamReply(chat));
        long echo = conversations.findMessages(chat).getLast().id(); // the demo's answer quotes the question
        SharePreview preview = shares.preview(chat);
        long last = preview.lastMessageId();
        ShareDetails shared = shares.share(ShareRequest.of(chat, "Left out", ShareVisibility.ANONYMOUS)
                .withChoice(new MessageChoice(java.util.Set.of(secret.id(), echo), last, preview.snapshotVersion())));
        assertThat(page(shared.path())).doesNotContain("my home address");

        // An edit of the left-out message is a new message: Update from the links grid refuses, the dialog decides.
        conversations.editUserMessage(chat, secret.id(), "Left out: my home address, corrected");
        answer(conversations.streamReply(chat));
        assertThatThrownBy(() -> shares.share(ShareRequest.of(chat, "Left out", ShareVisibility.ANONYMOUS)))
                .isInstanceOf(ShareException.class).hasMessage(ShareService.CHOOSE_AGAIN_MESSAGE);
        assertThat(page(shared.path())).doesNotContain("my home address");

        // Back on the version that was shared, Update keeps leaving the message out.
        ChatMessage edited = conversations.findMessages(chat).get(2);
        conversations.switchVersion(chat, edited.id(), -1);
        shares.share(ShareRequest.of(chat, "Left out", ShareVisibility.ANONYMOUS));
        assertThat(page(shared.path())).contains("Left out: first question").doesNotContain("my home address");
        assertThat(page(shared.path() + ".md")).doesNotContain("my home address");
    }

    @Test
    void a_preview_of_one_version_does_not_share_another_switched_to_in_a_second_tab() throws Exception {
        SignedIn.as(users, "alice");
        long chat = conversations.startConversation("Two tabs: the version I checked").id();
        answer(conversations.streamReply(chat));
        ChatMessage question = conversations.findMessages(chat).getFirst();
        conversations.editUserMessage(chat, question.id(), "Two tabs: the version I did not check, same length");
        answer(conversations.streamReply(chat));
        SharePreview firstTab = shares.preview(chat);

        // The second tab goes back to the first version; the first tab's preview still shows the edit.
        conversations.switchVersion(chat, conversations.findMessages(chat).getFirst().id(), -1);

        assertThatThrownBy(() -> shares.share(ShareRequest.of(chat, "Two tabs", ShareVisibility.ANONYMOUS)
                .withChoice(firstTab.choiceExcluding(java.util.Set.of()))))
                .isInstanceOf(ShareException.class).hasMessage(ShareService.SWITCHED_SINCE_PREVIEW_MESSAGE)
                .extracting(e -> ((ShareException) e).reason()).isEqualTo(ShareException.Reason.CHANGED_SINCE_PREVIEW);
        // The same when the first tab left out a message of the version it showed, now off screen.
        long editedOnly = firstTab.messages().getFirst().messageId();
        assertThatThrownBy(() -> shares.share(ShareRequest.of(chat, "Two tabs", ShareVisibility.ANONYMOUS)
                .withChoice(firstTab.choiceExcluding(java.util.Set.of(editedOnly)))))
                .isInstanceOf(ShareException.class).hasMessage(ShareService.SWITCHED_SINCE_PREVIEW_MESSAGE);
        assertThat(shares.findShare(chat)).as("nothing shared").isEmpty();

        // A preview of what is on screen now shares it.
        ShareDetails shared = shares.share(ShareRequest.of(chat, "Two tabs", ShareVisibility.ANONYMOUS)
                .withChoice(shares.preview(chat).choiceExcluding(java.util.Set.of())));
        assertThat(page(shared.path())).contains("Two tabs: the version I checked")
                .doesNotContain("the version I did not check");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<String> answer(ReplyStream reply) {
        return reply.tokens().collectList().block(Duration.ofSeconds(10));
    }
}
