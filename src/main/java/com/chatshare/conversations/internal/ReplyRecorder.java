package com.chatshare.conversations.internal;

import com.chatshare.conversations.MessageStatus;
import java.time.Clock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores how an assistant answer ended. Runs on the thread that delivers the stream, outside
 * the request that started it, so it takes the message id it was given and nothing else.
 */
@Component
public class ReplyRecorder implements ApplicationRunner {

    private final MessageRepository messages;
    private final ConversationRepository conversations;
    private final Clock clock;

    ReplyRecorder(MessageRepository messages, ConversationRepository conversations, Clock clock) {
        this.messages = messages;
        this.conversations = conversations;
        this.clock = clock;
    }

    @Transactional
    public void finish(long conversationId, long messageId, String content, MessageStatus status) {
        // The conversation first, locked: a switch between versions in another tab waits, rather
        // than making this update of its row fail and lose the answer with it.
        conversations.lockById(conversationId).ifPresent(c -> c.touch(clock.instant()));
        messages.findById(messageId).ifPresent(message -> message.finish(content, status));
    }

    /** Answers that were being written when the application stopped will never finish. */
    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        messages.updateStatus(MessageStatus.GENERATING, MessageStatus.FAILED);
    }
}
