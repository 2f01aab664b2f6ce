package com.chatshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.conversations.ConversationNotFoundException;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;

@IntegrationTest
class ShareServiceTest {

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

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    @Test
    void tokens_are_22_url_safe_characters_unrelated_to_ids_and_unique() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String token = ShareToken.generate().value();
            assertThat(token).matches("[A-Za-z0-9_-]{22}");
            tokens.add(token);
        }
        assertThat(tokens).hasSize(1_000);
        ShareDetails details = SharingFixtures.share(shares, conversations, users, "alice", "token check",
                ShareVisibility.ANONYMOUS);
        // Not an encoding of the ids (a plain "contains the id's digits" is true by chance for short ids).
        String token = SharingFixtures.token(details);
        for (long id : new long[] {details.conversationId(), details.shareId()}) {
            byte[] bytes = java.nio.ByteBuffer.allocate(Long.BYTES).putLong(id).array();
            assertThat(token).isNotEqualTo(String.valueOf(id))
                    .doesNotStartWith(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 8));
        }
    }

    @Test
    void anonymous_is_the_default_and_named_shows_the_display_name_at_share_time() {
        ConversationSummary conversation = SharingFixtures.answeredConversation(conversations, users, "alice", "names");
        assertThat(shares.preview(conversation.id()).visibility()).isEqualTo(ShareVisibility.ANONYMOUS);

        ShareDetails details = shares.share(ShareRequest.of(conversation.id(), "names", ShareVisibility.NAMED));

        PublicSnapshot snapshot = sharedChats.findPublicSnapshot(SharingFixtures.token(details)).orElseThrow();
        assertThat(snapshot.sharedBy()).isEqualTo("Alice Example");
        assertThat(snapshot.messages()).hasSize(2);
    }

    @Test
    void an_empty_conversation_cannot_be_shared() {
        SignedIn.as(users, "alice");
        ConversationSummary conversation = conversations.importConversation("empty", List.of());

        assertThatThrownBy(() -> shares.share(ShareRequest.of(conversation.id(), "empty", ShareVisibility.ANONYMOUS)))
                .isInstanceOf(ShareException.class)
                .hasMessage(ShareService.EMPTY_CONVERSATION_MESSAGE);
    }

    @Test
    void titles_must_have_1_to_200_characters() {
        ConversationSummary conversation = SharingFixtures.answeredConversation(conversations, users, "alice", "title");

        assertThatThrownBy(() -> shares.share(ShareRequest.of(conversation.id(), "  ", ShareVisibility.ANONYMOUS)))
                .isInstanceOf(ShareException.class);
        assertThatThrownBy(() -> shares.share(
                ShareRequest.of(conversation.id(), "x".repeat(201), ShareVisibility.ANONYMOUS)))
                .isInstanceOf(ShareException.class);
        assertThat(shares.share(
                ShareRequest.of(conversation.id(), "x".repeat(200), ShareVisibility.ANONYMOUS)).title()).hasSize(200);
    }

    @Test
    void update_keeps_the_url_and_replaces_the_snapshot() {
        ShareDetails first = SharingFixtures.share(shares, conversations, users, "alice", "update me",
                ShareVisibility.ANONYMOUS);
        conversations.postUserMessage(first.conversationId(), "one more thing");

        ShareDetails updated = shares.share(
                ShareRequest.of(first.conversationId(), "Updated title", ShareVisibility.NAMED));

        assertThat(updated.path()).isEqualTo(first.path());
        assertThat(updated.newMessages()).isZero();
        PublicSnapshot snapshot = sharedChats.findPublicSnapshot(SharingFixtures.token(updated)).orElseThrow();
        assertThat(snapshot.title()).isEqualTo("Updated title");
        assertThat(snapshot.messages()).hasSize(3);
        assertThat(snapshot.messages().getLast().html()).contains("one more thing");
    }

    @Test
    void a_taken_down_link_cannot_be_revived_by_update() {
        ShareDetails details = SharingFixtures.share(shares, conversations, users, "alice", "taken down",
                ShareVisibility.ANONYMOUS);
        jdbc.update("update share_link set status = 'TAKEN_DOWN', takedown_reason = 'Spam' where id = ?",
                details.shareId());

        assertThatThrownBy(() -> shares.share(
                ShareRequest.of(details.conversationId(), "taken down", ShareVisibility.ANONYMOUS)))
                .isInstanceOf(ShareException.class)
                .hasMessage(ShareService.TAKEN_DOWN_MESSAGE + " Reason: Spam.");
        ShareDetails seen = shares.findShare(details.conversationId()).orElseThrow();
        assertThat(seen.isTakenDown()).isTrue();
        assertThat(seen.takedownReason()).isEqualTo("Spam");
        assertThat(jdbc.queryForObject("select status from share_link where id = ?", String.class, details.shareId()))
                .isEqualTo("TAKEN_DOWN");
    }

    @Test
    void nobody_can_preview_share_update_or_delete_someone_elses_conversation() {
        ShareDetails bobs = SharingFixtures.share(shares, conversations, users, "bob", "bob's shared chat",
                ShareVisibility.NAMED);
        SignedIn.as(users, "alice");

        List<Consumer<Long>> attempts = List.of(
                shares::preview,
                shares::findShare,
                id -> shares.share(ShareRequest.of(id, "hijacked", ShareVisibility.ANONYMOUS)),
                shares::deleteShare);
        for (Consumer<Long> attempt : attempts) {
            assertThatThrownBy(() -> attempt.accept(bobs.conversationId()))
                    .isInstanceOf(ConversationNotFoundException.class);
        }

        SignedIn.as(users, "bob");
        ShareDetails after = shares.findShare(bobs.conversationId()).orElseThrow();
        assertThat(after.title()).isEqualTo("bob's shared chat");
        assertThat(after.visibility()).isEqualTo(ShareVisibility.NAMED);
    }

    @Test
    void anonymous_callers_cannot_share_or_continue() {
        assertThatThrownBy(() -> shares.share(ShareRequest.of(1L, "x", ShareVisibility.ANONYMOUS)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> sharedChats.continueConversation(ShareToken.generate().value()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
