package com.chatshare.sharing;

import com.chatshare.SignedIn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import java.time.Duration;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Builds conversations with answers and shares them, as their owner would. */
public final class SharingFixtures {

    private SharingFixtures() {
    }

    /** A conversation of {@code username}'s with one question and the demo assistant's answer. */
    public static ConversationSummary answeredConversation(ConversationService conversations, UserDetailsService users,
            String username, String question) {
        SignedIn.as(users, username);
        ConversationSummary conversation = conversations.startConversation(question);
        conversations.streamReply(conversation.id()).tokens().blockLast(Duration.ofSeconds(10));
        return conversation;
    }

    public static ShareDetails share(ShareService shares, ConversationService conversations, UserDetailsService users,
            String username, String question, ShareVisibility visibility) {
        ConversationSummary conversation = answeredConversation(conversations, users, username, question);
        return shares.share(ShareRequest.of(conversation.id(), conversation.title(), visibility));
    }

    /** Alice's answered question shared with this visibility, signed out again: the page as a stranger meets it. */
    public static ShareDetails sharedByAlice(ShareService shares, ConversationService conversations,
            UserDetailsService users, String question, ShareVisibility visibility) {
        ShareDetails details = share(shares, conversations, users, "alice", question, visibility);
        com.chatshare.SignedIn.signOut();
        return details;
    }

    public static String token(ShareDetails details) {
        return details.path().substring("/share/".length());
    }
}
