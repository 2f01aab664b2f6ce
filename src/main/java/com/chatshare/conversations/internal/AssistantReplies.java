package com.chatshare.conversations.internal;

import com.chatshare.conversations.AnswersLimitedException;
import com.chatshare.conversations.Assistant;
import com.chatshare.conversations.AssistantProperties;
import com.chatshare.conversations.AssistantUnavailableException;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.MessageRole;
import com.chatshare.conversations.MessageStatus;
import com.chatshare.conversations.ReplyStream;
import com.chatshare.ratelimit.RateLimit;
import com.chatshare.ratelimit.SharedCounters;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Schedulers;

/**
 * The assistant's answers: the limit of answers per account, and one answer streamed from the
 * assistant and stored as it ends (complete, stopped by the user, or failed with what arrived).
 * {@link ConversationService} checks ownership and positions first and calls this in its
 * transaction.
 */
@Component
public class AssistantReplies {

    private final MessageRepository messages;
    private final ReplyRecorder recorder;
    private final ReplyMeters meters;
    private final Assistant assistant;
    private final Duration timeout;
    private final Clock clock;
    /** Null when answers are not limited (the offline demo assistant, unless configured). */
    private final @Nullable RateLimit replies;

    AssistantReplies(MessageRepository messages, ReplyRecorder recorder, ReplyMeters meters, Assistant assistant,
            AssistantProperties properties, SharedCounters counters, Clock clock) {
        this.messages = messages;
        this.recorder = recorder;
        this.meters = meters;
        this.assistant = assistant;
        this.timeout = properties.timeout();
        this.clock = clock;
        this.replies = properties.answersPerMinute().stream()
                .mapToObj(limit -> counters.limit(ConversationService.REPLIES_BY_ACCOUNT, limit, Duration.ofMinutes(1)))
                .findFirst().orElse(null);
    }

    /** Counts one answer for the account, or says how long to wait when its answers are used up. */
    public void acquire(long accountId) {
        if (replies != null) {
            Optional<Duration> wait = replies.acquireOrWait(accountId);
            if (wait.isPresent()) {
                throw new AnswersLimitedException(replies.limit(), wait.get());
            }
        }
    }

    /**
     * Stores a placeholder answer after {@code parentId} and streams the assistant's answer to
     * {@code history}; the answer is stored as it ends.
     *
     * @param attempt how many answers to this history there were before (0 for the first)
     */
    public ReplyStream stream(long conversationId, @Nullable Long parentId, int position, List<ChatTurn> history,
            int attempt) {
        ChatMessage placeholder = messages.save(new Message(conversationId, parentId, position, MessageRole.ASSISTANT,
                "", MessageStatus.GENERATING, clock.instant())).toChatMessage();
        Answer answer = new Answer(conversationId, placeholder.id());
        Flux<String> tokens = Flux.defer(() -> attempt == 0 ? assistant.reply(history) : assistant.reply(history, attempt))
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof AssistantUnavailableException),
                        e -> new AssistantUnavailableException(e instanceof TimeoutException
                                ? "The assistant did not answer in time." : "The assistant could not answer.", e))
                .handle(answer::limit)
                .doOnNext(answer.received::append)
                .doOnComplete(() -> answer.finish(MessageStatus.COMPLETE))
                .doOnError(e -> answer.finish(MessageStatus.FAILED))
                .doOnCancel(() -> answer.finish(MessageStatus.STOPPED))
                .subscribeOn(Schedulers.boundedElastic());
        return new ReplyStream(placeholder, tokens);
    }

    /** How the chat view labels the assistant's answers. */
    public String assistantName() {
        return assistant.displayName();
    }

    /** One answer as it arrives: stored once, however it ends. */
    private final class Answer {

        final long conversationId;
        final long messageId;
        final StringBuffer received = new StringBuffer();
        final AtomicBoolean finished = new AtomicBoolean();
        final Timer.Sample started = meters.start();

        Answer(long conversationId, long messageId) {
            this.conversationId = conversationId;
            this.messageId = messageId;
        }

        /** A runaway answer ends, marked incomplete, instead of growing without bound. */
        void limit(String piece, SynchronousSink<String> sink) {
            if (received.length() + piece.length() > ChatMessage.MAX_ANSWER_LENGTH) {
                sink.error(new AssistantUnavailableException(ConversationService.ANSWER_TOO_LONG_MESSAGE, null));
            } else {
                sink.next(piece);
            }
        }

        void finish(MessageStatus status) {
            if (finished.compareAndSet(false, true)) {
                meters.finished(started, status);
                recorder.finish(conversationId, messageId, received.toString(), status);
            }
        }
    }
}
