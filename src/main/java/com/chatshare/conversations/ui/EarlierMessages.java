package com.chatshare.conversations.ui;

import com.chatshare.base.ui.Notifications;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.ConversationNotFoundException;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.MessagePage;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * The messages of one chat above those it shows: read as the reader scrolls up ("Load earlier
 * messages"), or down to an older message a search result opens the chat at. What cannot be read is
 * said, never thrown at the view.
 */
final class EarlierMessages implements ChatMessages.Earlier {

    private static final Logger log = LoggerFactory.getLogger(EarlierMessages.class);
    static final String OTHER_VERSION = "What you searched for is in another version of this chat: "
            + "use ‹ › beside its messages to show the other versions.";
    static final String NOT_SHOWN = "That message could not be shown: the chat changed meanwhile. Search again.";
    private static final String UNREACHABLE = "Earlier messages could not be loaded: the database is not "
            + "reachable. Try again in a moment.";

    private final transient ConversationService service;
    private final long conversationId;

    EarlierMessages(ConversationService service, long conversationId) {
        this.service = service;
        this.conversationId = conversationId;
    }

    @Override
    public Optional<MessagePage> before(int position, int count) {
        try {
            return Optional.of(service.findMessagesBefore(conversationId, position, count));
        } catch (ConversationNotFoundException e) {
            Notifications.error("This conversation was deleted.");
        } catch (DataAccessException | TransactionException e) {
            log.warn("Could not load earlier messages: {}", e.toString());
            Notifications.error(UNREACHABLE);
        }
        return Optional.empty();
    }

    /**
     * Shows a message of this chat in the list ({@link ChatMessages#reveal}); when it is on another
     * version of the chat, says so. A message not shown is looked for in the chat as it is now
     * ({@code reread} draws it again): this tab may be out of date (new messages sent elsewhere,
     * another version chosen in another tab).
     */
    void openAt(ChatMessages list, long messageId, Runnable reread) {
        if (list.scrollToMessage(messageId)) {
            return;
        }
        try {
            OptionalInt position = service.positionOnScreen(conversationId, messageId);
            if (position.isEmpty()) {
                Notifications.error(OTHER_VERSION);
                return;
            }
            reread.run();
            if (!list.reveal(messageId, position.getAsInt())) {
                Notifications.error(NOT_SHOWN);
            }
        } catch (ConversationNotFoundException e) {
            Notifications.error("This conversation was deleted.");
        } catch (DataAccessException | TransactionException e) {
            log.warn("Could not find a message on screen: {}", e.toString());
            Notifications.error(UNREACHABLE);
        }
    }

    /**
     * Whether the chat's path on screen now ends elsewhere than the list shows: another tab switched
     * its version or went on with it. Quietly false when that cannot be read (the list stays).
     */
    boolean outOfDate(ChatMessages list) {
        try {
            List<ChatMessage> latest = service.findLatestMessages(conversationId, 1).messages();
            return !latest.isEmpty() && !Long.valueOf(latest.getLast().id()).equals(list.lastMessageId());
        } catch (ConversationNotFoundException | DataAccessException | TransactionException e) {
            log.debug("Could not read whether the chat changed elsewhere: {}", e.toString());
            return false;
        }
    }
}
