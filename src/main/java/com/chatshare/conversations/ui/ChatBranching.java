package com.chatshare.conversations.ui;

import com.chatshare.base.ui.Notifications;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.ConversationNotFoundException;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.InvalidChatInputException;
import com.chatshare.conversations.ReplyStream;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Edit, Regenerate and the version switcher of the chat on screen (decision 0023): each asks the
 * service, then the chat shows the path it leads to. Nothing happens while an answer is being
 * written; the user is told to wait or stop it.
 */
final class ChatBranching implements MessageActions.Actions {

    private static final Logger log = LoggerFactory.getLogger(ChatBranching.class);
    static final String WAIT = "Wait for the answer to finish, or stop it first.";

    private final ConversationService service;
    private final Supplier<Optional<ConversationSummary>> shown;
    private final BooleanSupplier generating;
    private final Runnable showPath;
    private final Consumer<Supplier<ReplyStream>> startReply;
    private final ChatMessages messages;

    /**
     * @param showPath shows the chat's path on screen again, from the database
     * @param startReply streams the answer the supplier asks for into the chat
     */
    ChatBranching(ConversationService service, Supplier<Optional<ConversationSummary>> shown,
            BooleanSupplier generating, Runnable showPath, Consumer<Supplier<ReplyStream>> startReply,
            ChatMessages messages) {
        this.service = service;
        this.shown = shown;
        this.generating = generating;
        this.showPath = showPath;
        this.startReply = startReply;
        this.messages = messages;
    }

    @Override
    public Optional<String> edit(long messageId, String text) {
        Optional<ConversationSummary> chat = shown.get();
        if (chat.isEmpty() || generating.getAsBoolean()) {
            return Optional.of(WAIT);
        }
        try {
            service.editUserMessage(chat.get().id(), messageId, text);
        } catch (InvalidChatInputException e) {
            return Optional.of(e.getMessage());
        } catch (ConversationNotFoundException e) {
            return Optional.of("This message or conversation was deleted.");
        } catch (DataAccessException | TransactionException e) {
            log.warn("Could not store an edited message: {}", e.toString());
            return Optional.of("Your edit could not be saved: the database is not reachable. Save again in a moment.");
        }
        showPath.run();
        startReply.accept(() -> service.streamReply(chat.get().id()));
        return Optional.empty();
    }

    @Override
    public void regenerate(long messageId) {
        ready().ifPresent(chat -> startReply.accept(() -> {
            ReplyStream reply = service.regenerate(chat.id(), messageId);
            // The new version on screen from the start, below the question it answers.
            showPath.run();
            return reply;
        }));
    }

    @Override
    public void switchVersion(long messageId, int step) {
        ready().ifPresent(chat -> {
            try {
                ChatMessage now = service.switchVersion(chat.id(), messageId, step);
                showPath.run();
                // A keyboard user flips on from where they are.
                messages.focusSwitcher(now.id(), step < 0 ? "Previous version" : "Next version");
            } catch (ConversationNotFoundException e) {
                Notifications.error("This message or conversation was deleted.");
            } catch (DataAccessException | TransactionException e) {
                log.warn("Could not switch versions: {}", e.toString());
                Notifications.error("The database is not reachable. Try again in a moment.");
            }
        });
    }

    private Optional<ConversationSummary> ready() {
        if (generating.getAsBoolean()) {
            Notifications.error(WAIT);
            return Optional.empty();
        }
        return shown.get();
    }
}
