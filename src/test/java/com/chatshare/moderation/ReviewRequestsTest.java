package com.chatshare.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.chatshare.sharing.OwnLinksService;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Owner notices and review requests: once per takedown, decided by another moderator, told back to the owner. */
@IntegrationTest
class ReviewRequestsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ModerationService moderation;

    @Autowired
    OwnerNotices notices;

    @Autowired
    ShareService shares;

    @Autowired
    OwnLinksService ownLinks;

    @Autowired
    ConversationService conversations;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    @Test
    void the_owner_is_told_asks_once_and_another_moderator_reinstates() throws Exception {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "alice", "Review me please",
                ShareVisibility.ANONYMOUS);
        SignedIn.as(users, "alice");
        int unreadBefore = notices.countUnread();
        SignedIn.as(users, "mod");
        moderation.takeDown(List.of(link.shareId()), ReportReason.HATE, "Slurs");

        SignedIn.as(users, "alice");
        assertThat(notices.countUnread()).isEqualTo(unreadBefore + 1);
        OwnerNotice notice = notices.find(0, 1).getFirst();
        assertThat(notice.kind()).isEqualTo(OwnerNotice.Kind.TAKEN_DOWN);
        assertThat(notice.linkTitle()).isEqualTo("Review me please");
        assertThat(notice.message()).isEqualTo("Hate");
        notices.markRead(List.of(notice.id()));
        assertThat(notices.countUnread()).isEqualTo(unreadBefore);

        assertThatThrownBy(() -> notices.requestReview(link.shareId(), "   "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notices.requestReview(link.shareId(), "x".repeat(ReviewRequest.EXPLANATION_MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        notices.requestReview(link.shareId(), "It quotes a book for a school essay.");
        assertThatThrownBy(() -> notices.requestReview(link.shareId(), "Please, again"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(OwnerNotices.ALREADY_REQUESTED);

        SignedIn.as(users, "mod");
        ModerationRow queued = moderation.findQueue(ModerationFilter.reportedFirst().withReviewRequests(true), 0, 50)
                .stream().filter(row -> row.shareId() == link.shareId()).findFirst().orElseThrow();
        assertThat(queued.reviewRequested()).isTrue();
        ModerationDetail detail = moderation.detail(link.shareId()).orElseThrow();
        ReviewRequest request = detail.openReview().orElseThrow();
        assertThat(detail.mayDecideReviews()).isFalse();
        assertThatThrownBy(() -> moderation.decideReview(request.id(), ModerationService.Decision.REINSTATE, "Mine"))
                .isInstanceOf(IllegalStateException.class).hasMessage(ModerationService.OWN_TAKEDOWN_MESSAGE);

        SignedIn.as(users, "admin");
        assertThatThrownBy(() -> moderation.decideReview(request.id(), ModerationService.Decision.REINSTATE, " "))
                .isInstanceOf(IllegalArgumentException.class);
        moderation.decideReview(request.id(), ModerationService.Decision.REINSTATE, "A quotation in context: fine.");
        assertThatThrownBy(() -> moderation.decideReview(request.id(), ModerationService.Decision.UPHOLD, "Late"))
                .isInstanceOf(IllegalArgumentException.class);

        SignedIn.signOut();
        mvc.perform(get(link.path())).andExpect(status().isOk());
        SignedIn.as(users, "alice");
        OwnerNotice decided = notices.find(0, 1).getFirst();
        assertThat(decided.kind()).isEqualTo(OwnerNotice.Kind.REVIEW_REINSTATED);
        assertThat(decided.message()).isEqualTo("A quotation in context: fine.");
        assertThat(notices.countUnread()).isEqualTo(unreadBefore + 1);
    }

    @Test
    void nobody_asks_for_a_review_of_someone_elses_or_an_active_link() {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "alice", "Not bob's to review",
                ShareVisibility.ANONYMOUS);
        SignedIn.as(users, "alice");
        assertThatThrownBy(() -> notices.requestReview(link.shareId(), "It is fine"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(OwnerNotices.NOT_TAKEN_DOWN);
        SignedIn.as(users, "mod");
        moderation.takeDown(List.of(link.shareId()), ReportReason.OTHER, "Test");

        SignedIn.as(users, "bob");
        assertThatThrownBy(() -> notices.requestReview(link.shareId(), "It is fine"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(OwnerNotices.NOT_TAKEN_DOWN);
        assertThat(notices.find(0, 100)).noneMatch(n -> n.shareId() == link.shareId());
        assertThatThrownBy(() -> moderation.decideReview(1, ModerationService.Decision.REINSTATE, "x"))
                .isInstanceOf(AuthorizationDeniedException.class);
        SignedIn.signOut();
        assertThatThrownBy(() -> notices.countUnread())
                .isInstanceOf(org.springframework.security.core.AuthenticationException.class);
    }

    @Test
    void asking_for_a_review_of_a_removed_link_puts_it_back_in_the_owners_list() {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "bob", "Removed then reviewed",
                ShareVisibility.ANONYMOUS);
        SignedIn.as(users, "mod");
        moderation.takeDown(List.of(link.shareId()), ReportReason.OTHER, "Test");
        SignedIn.as(users, "bob");
        int listed = ownLinks.countOwnLinks();
        ownLinks.deleteLinks(Set.of(link.shareId()));
        assertThat(ownLinks.countOwnLinks()).isEqualTo(listed - 1);

        notices.requestReview(link.shareId(), "I deleted it by mistake, it is harmless.");

        assertThat(ownLinks.countOwnLinks()).isEqualTo(listed);
    }
}
