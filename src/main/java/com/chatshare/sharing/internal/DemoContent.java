package com.chatshare.sharing.internal;

import org.springframework.security.core.userdetails.UsernameNotFoundException;
import com.chatshare.base.demo.ConditionalOnDemoMode;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageRole;
import com.chatshare.security.RunAs;
import com.chatshare.sharing.ExpiryPolicy;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareRequest;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSettings;
import com.chatshare.sharing.ShareVisibility;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo conversations and one shared link for alice and bob, in demo mode only. The log prints the
 * links so a first run has something to open.
 */
@Component
@ConditionalOnDemoMode
@Order(20)
class DemoContent implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    private final RunAs runAs;
    private final ConversationService conversations;
    private final ShareService shares;
    private final String baseUrl;
    private final java.time.Clock clock;

    DemoContent(RunAs runAs, ConversationService conversations, ShareService shares, java.time.Clock clock,
            @Value("${chatshare.public-url:http://localhost:${server.port:8080}}") String baseUrl) {
        this.clock = clock;
        this.runAs = runAs;
        this.conversations = conversations;
        this.shares = shares;
        this.baseUrl = baseUrl;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed("alice", ShareVisibility.NAMED,
                conversation("Packing list for a weekend hike",
                        "What should I pack for a two-day hike in the mountains?",
                        """
                        For two days in the mountains, pack in layers:

                        1. **Shelter and warmth**: a light tent or bivvy, sleeping bag rated to 0 °C, an insulating jacket.
                        2. **Water and food**: 2 litres of capacity, a filter, and easy calories (nuts, oats, dried fruit).
                        3. **Safety**: map, headlamp, first-aid kit, and a rain shell — weather turns fast up high.

                        Keep the pack under 10 kg if you can."""),
                conversation("Regex for a date", "Give me a regex that matches dates like 2026-11-24.",
                        """
                        This matches an ISO date and checks the month and day ranges:

                        ```regex
                        ^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$
                        ```

                        It does not know that February has no 30th — parse the date if that matters."""));
        seed("bob", ShareVisibility.ANONYMOUS,
                conversation("Explaining recursion to a child",
                        "How would you explain recursion to a ten-year-old?",
                        """
                        Imagine you are in a queue and want to know your place in it. You ask the person in front of you,
                        *"What's your number?"* They don't know either, so they ask the person in front of **them** —
                        and so on, until someone at the front says *"I'm number 1!"*

                        Then the answers come back down the line, each person adding one. That's recursion:
                        a problem solved by asking a smaller version of the same question."""),
                conversation("Sourdough starter", "My sourdough starter smells like nail polish. Is it dead?",
                        """
                        No — it's hungry. An acetone smell means the yeast has run out of food.
                        Feed it more often (twice a day) at a 1:1:1 ratio of starter, flour and water, and keep it warm."""));
    }

    private record Demo(String title, List<ChatTurn> turns) {
    }

    private static Demo conversation(String title, String question, String answer) {
        return new Demo(title, List.of(new ChatTurn(MessageRole.USER, question),
                new ChatTurn(MessageRole.ASSISTANT, answer)));
    }

    private void seed(String username, ShareVisibility visibility, Demo shared, Demo other) {
        try {
            seedAs(username, visibility, shared, other);
        } catch (UsernameNotFoundException e) {
            // Demo mode on a database that holds real accounts creates no demo accounts (DemoAccounts
            // says so as an ERROR): then there is nobody to give demo chats to.
            log.info("No demo chats for '{}': the account does not exist", username);
        }
    }

    private void seedAs(String username, ShareVisibility visibility, Demo shared, Demo other) {
        runAs.user(username, () -> {
            if (conversations.countConversations() > 0) {
                return null;
            }
            conversations.createConversation(other.title(), other.turns());
            ConversationSummary conversation = conversations.createConversation(shared.title(), shared.turns());
            // Where the instance requires an expiry, the demo links get the longest one allowed.
            ExpiryPolicy policy = shares.expiryPolicy();
            ShareSettings settings = shares.sharingPolicy().defaultSettings().withExpiresAt(!policy.required() ? null
                    : clock.instant().plus(policy.longest() == null ? java.time.Duration.ofDays(30)
                            : policy.longest().minusMinutes(1)));
            ShareDetails link = shares.share(ShareRequest.of(conversation.id(), shared.title(), visibility)
                    .withSettings(settings));
            log.info("Demo shared link of {}: {}{}", username, baseUrl, link.path());
            return null;
        });
    }
}
