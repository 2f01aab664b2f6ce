package com.chatshare.conversations.internal;

import com.chatshare.conversations.AnswersLimitedException;
import com.chatshare.conversations.Assistant;
import com.chatshare.conversations.AssistantProperties;
import com.chatshare.conversations.AssistantRequest;
import com.chatshare.conversations.AssistantUnavailableException;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.InvalidChatInputException;
import com.chatshare.conversations.MessageRole;
import com.chatshare.conversations.MessageStatus;
import com.chatshare.conversations.ModelOptions;
import com.chatshare.conversations.ModelSettings;
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
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(AssistantReplies.class);

    private final MessageRepository messages;
    private final ReplyRecorder recorder;
    private final ReplyMeters meters;
    private final Assistant assistant;
    private final Duration timeout;
    private final Clock clock;
    private final ModelSettings modelSettings;
    private final CustomInstructionRepository instructions;
    /** Null when answers are not limited (the offline demo assistant, unless configured). */
    private final @Nullable RateLimit replies;

    AssistantReplies(MessageRepository messages, ReplyRecorder recorder, ReplyMeters meters, Assistant assistant,
            AssistantProperties properties, SharedCounters counters, Clock clock, ModelSettings modelSettings,
            CustomInstructionRepository instructions) {
        this.messages = messages;
        this.modelSettings = modelSettings;
        this.instructions = instructions;
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
     * The models chats may use: what the assistant lists, filtered by the allow-list, and the
     * default. When the list cannot be had, the default alone, with the reason said.
     */
    public ModelOptions modelOptions() {
        return modelOptions(assistant, modelSettings);
    }

    /** The models {@code assistant} offers under these settings; see {@link #modelOptions()}. */
    static ModelOptions modelOptions(Assistant assistant, ModelSettings modelSettings) {
        String configured = assistant.displayName();
        String fallback = modelSettings.defaultModel() == null ? configured : modelSettings.defaultModel();
        try {
            List<String> listed = assistant.models();
            List<String> offered = modelSettings.allowed().isEmpty() ? listed
                    : listed.stream().filter(modelSettings.allowed()::contains).toList();
            if (offered.isEmpty()) {
                log.warn("None of the {} models the assistant lists is allowed (chatshare.assistant.models.allowed)",
                        listed.size());
                return unavailable(fallback);
            }
            String chosenDefault = Stream.of(modelSettings.defaultModel(), configured)
                    .filter(name -> name != null && offered.contains(name)).findFirst().orElse(offered.getFirst());
            return new ModelOptions(offered, chosenDefault, null);
        } catch (AssistantUnavailableException e) {
            return unavailable(fallback);
        }
    }

    /**
     * {@code model}, when chats may use it.
     *
     * @throws InvalidChatInputException when it is not on the list (a tampered value, or a list
     *         that could not be had)
     */
    public String offered(@Nullable String model) {
        ModelOptions options = modelOptions();
        if (model == null || !options.offers(model)) {
            throw new InvalidChatInputException(options.problem() != null ? options.problem()
                    : "That model is not offered here; choose one from the list.");
        }
        return model;
    }

    /**
     * The model that answers a chat next: its choice, or the default.
     *
     * @throws InvalidChatInputException when the endpoint no longer offers the chat's choice
     */
    public String answeringModel(@Nullable String chosen) {
        ModelOptions options = modelOptions();
        String model = options.effective(chosen);
        if (!options.offers(model)) {
            throw new InvalidChatInputException("The model " + model + " is no longer offered; choose another.");
        }
        return model;
    }

    private static ModelOptions unavailable(String fallback) {
        return new ModelOptions(List.of(fallback), fallback, "Models could not be loaded; using " + fallback + ".");
    }

    /**
     * Stores a placeholder answer after {@code parentId}, written by {@code model}, and streams the
     * assistant's answer to {@code history}, with the asker's custom instructions as the system
     * prompt; the answer is stored as it ends.
     *
     * @param attempt how many answers to this history there were before (0 for the first)
     */
    public ReplyStream stream(long conversationId, @Nullable Long parentId, int position, String model, long askerId,
            List<ChatTurn> history, int attempt) {
        String instruction = instructions.findById(askerId).map(CustomInstruction::getContent).orElse("");
        AssistantRequest request = new AssistantRequest(model, instruction, history, attempt);
        ChatMessage placeholder = messages.save(new Message(conversationId, parentId, position, MessageRole.ASSISTANT,
                "", MessageStatus.GENERATING, clock.instant(), model)).toChatMessage();
        Answer answer = new Answer(conversationId, placeholder.id());
        Flux<String> tokens = Flux.defer(() -> assistant.reply(request))
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
