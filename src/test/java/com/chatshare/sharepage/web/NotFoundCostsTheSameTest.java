package com.chatshare.sharepage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.TestClock;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSettings;
import com.chatshare.sharing.ShareToken;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.chatshare.sharing.ShareRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 22, item 6: the public page's 404 for a link that exists but is not public (restricted,
 * or past its expiry) takes the same steps as for a token nobody ever had: one database lookup
 * on every request, nothing answered from the node's memory. Remembered, the existing link
 * answered measurably faster, which told that it exists. No timing is asserted: the steps are
 * counted (the {@code chatshare.share.lookup} timer counts the lookups that went to the database).
 */
@IntegrationTest
class NotFoundCostsTheSameTest {

    private static final int REQUESTS = 5;

    @Autowired
    MockMvc mvc;

    @Autowired
    ShareService shares;

    @Autowired
    ConversationService conversations;

    @Autowired
    UserDetailsService users;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestClock clock;

    @AfterEach
    void reset() {
        clock.reset();
        SignedIn.signOut();
    }

    private ShareDetails share(String question, ShareSettings settings) {
        ConversationSummary conversation = SharingFixtures.answeredConversation(conversations, users, "alice",
                question);
        ShareDetails details = shares.share(ShareRequest.of(conversation.id(), question, ShareVisibility.ANONYMOUS)
                .withSettings(settings));
        SignedIn.signOut();
        return details;
    }

    private static String publicPath(ShareDetails details) {
        return ShareToken.pathOf(details.path().substring(ShareToken.PATH_PREFIX.length(),
                ShareToken.PATH_PREFIX.length() + ShareToken.LENGTH));
    }

    /** How many database lookups {@value #REQUESTS} requests of the path cost, each answered 404. */
    private long lookupsOf(String path) throws Exception {
        long before = lookups();
        for (int i = 0; i < REQUESTS; i++) {
            mvc.perform(get(path)).andExpect(status().isNotFound());
        }
        return lookups() - before;
    }

    private long lookups() {
        return meters.get("chatshare.share.lookup").timer().count();
    }

    @Test
    void an_unknown_token_is_looked_up_on_every_request() throws Exception {
        assertThat(lookupsOf("/share/" + ShareToken.generate().value())).isEqualTo(REQUESTS);
    }

    @Test
    void a_link_for_specific_people_costs_the_same_lookups_as_an_unknown_token() throws Exception {
        ShareDetails restricted = share("Only for bob, looked up each time",
                new ShareSettings(ShareAudience.PEOPLE, List.of("bob"), null));

        assertThat(lookupsOf(publicPath(restricted)))
                .isEqualTo(lookupsOf("/share/" + ShareToken.generate().value())).isEqualTo(REQUESTS);
    }

    @Test
    void a_link_for_signed_in_users_costs_the_same_lookups_as_an_unknown_token() throws Exception {
        ShareDetails signedIn = share("Members only, looked up each time",
                new ShareSettings(ShareAudience.SIGNED_IN, List.of(), null));

        assertThat(lookupsOf(publicPath(signedIn))).isEqualTo(REQUESTS);
    }

    @Test
    void a_link_past_its_expiry_is_no_longer_answered_from_memory() throws Exception {
        ShareDetails expiring = share("Gone tomorrow, looked up each time",
                ShareSettings.ANYONE_FOREVER.withExpiresAt(clock.instant().plus(Duration.ofDays(1))));
        mvc.perform(get(expiring.path())).andExpect(status().isOk());
        // The memory is answered from only while the revocation feed's last read vouches for it (a
        // span of real time): on a loaded machine one read may come late, so one request may look
        // the link up again. Within a few, one is answered from memory.
        boolean fromMemory = false;
        for (int i = 0; i < REQUESTS && !fromMemory; i++) {
            long before = lookups();
            mvc.perform(get(expiring.path())).andExpect(status().isOk());
            fromMemory = lookups() == before;
        }
        assertThat(fromMemory).as("a public link is answered from memory").isTrue();

        clock.advance(Duration.ofDays(2));

        assertThat(lookupsOf(expiring.path())).isEqualTo(REQUESTS);
    }

    @Test
    void the_404_of_a_restricted_link_is_the_unknown_tokens_bytes() throws Exception {
        ShareDetails restricted = share("Same bytes for a restricted link",
                new ShareSettings(ShareAudience.PEOPLE, List.of("bob"), null));

        byte[] unknown = mvc.perform(get("/share/" + ShareToken.generate().value())).andReturn().getResponse()
                .getContentAsByteArray();
        byte[] existing = mvc.perform(get(publicPath(restricted))).andReturn().getResponse().getContentAsByteArray();

        assertThat(existing).isEqualTo(unknown);
    }
}
