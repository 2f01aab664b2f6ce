package com.chatshare.conversations;

import com.chatshare.base.markdown.MarkdownRenderer;
import com.chatshare.conversations.internal.AssistantReplies;
import com.chatshare.conversations.internal.ChatSearch;
import com.chatshare.conversations.internal.Conversation;
import com.chatshare.conversations.internal.ConversationRepository;
import com.chatshare.conversations.internal.Message;
import com.chatshare.conversations.internal.MessageBatchWriter;
import com.chatshare.conversations.internal.MessageCounts;
import com.chatshare.conversations.internal.MessageRepository;
import com.chatshare.conversations.internal.SearchWords;
import com.chatshare.security.CurrentUser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in user's conversations with the assistant. Every method works on the caller's own
 * conversations only; someone else's id is answered exactly like a missing one.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ConversationService {

    public static final String FULL_CONVERSATION_MESSAGE = "This chat has reached "
            + String.format("%,d", ChatMessage.MAX_PER_CONVERSATION) + " messages. Start a new chat to go on.";
    public static final String ANSWER_TOO_LONG_MESSAGE = "The answer was cut off at "
            + String.format("%,d", ChatMessage.MAX_ANSWER_LENGTH) + " characters.";
    /** The shared counter of answers per account (per minute, {@code chatshare.assistant.replies-per-minute}). */
    public static final String REPLIES_BY_ACCOUNT = "assistant replies by account";

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final AssistantReplies replies;
    private final MessageBatchWriter batchWriter;
    private final MessageCounts messageCounts;
    private final ChatSearch chatSearch;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConversationService(ConversationRepository conversations, MessageRepository messages, AssistantReplies replies,
            MessageBatchWriter batchWriter, MessageCounts messageCounts, ChatSearch chatSearch,
            CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.replies = replies;
        this.batchWriter = batchWriter;
        this.messageCounts = messageCounts;
        this.chatSearch = chatSearch;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The caller's chat list, one page at a time: pinned chats first, then the others by latest
     * activity; archived chats are not in it ({@link #findArchivedConversations}).
     */
    @Transactional(readOnly = true)
    public Slice<ConversationSummary> findConversations(Pageable pageable) {
        return conversations.findSummaries(currentUser.requireUserId(), pageable);
    }

    /** Whether the caller's chat list has any chat in it (archived ones left out). */
    @Transactional(readOnly = true)
    public boolean hasChatsInList() {
        return conversations.countByOwnerIdAndArchivedAtIsNull(currentUser.requireUserId()) > 0;
    }

    /** The caller's archived chats, most recently archived first. */
    @Transactional(readOnly = true)
    public Slice<ConversationSummary> findArchivedConversations(Pageable pageable) {
        return conversations.findArchived(currentUser.requireUserId(), pageable);
    }

    @Transactional(readOnly = true)
    public long countArchivedConversations() {
        return conversations.countByOwnerIdAndArchivedAtIsNotNull(currentUser.requireUserId());
    }

    /**
     * Searches the caller's chats, archived ones too, by title and message text: every word typed
     * must begin a word of the title or of one message ({@code shar} finds "sharing"), case and
     * accents aside. At most {@link ChatSearchResult#LIMIT} chats, newest first, each with the
     * newest matching message's snippet. Anything may be typed: operators and punctuation only
     * separate words, and a text without words finds nothing.
     */
    @Transactional(readOnly = true)
    public List<ChatSearchResult> search(String typed) {
        return chatSearch.find(currentUser.requireUserId(), SearchWords.of(typed), ChatSearchResult.LIMIT);
    }

    /** Pins the caller's chat to the top of the chat list, or unpins it. */
    @Transactional
    public ConversationSummary pin(long conversationId, boolean pinned) {
        Conversation conversation = owned(conversationId);
        if (pinned && conversation.toSummary().archived()) {
            throw new InvalidChatInputException("Unarchive this chat to pin it.");
        }
        conversation.pin(pinned, clock.instant());
        return conversation.toSummary();
    }

    /**
     * Archives the caller's chat: it leaves the chat list (and loses its pin) but search still
     * finds it, it can still be opened, and its shared link still works. {@code false} brings it
     * back to the list.
     */
    @Transactional
    public ConversationSummary archive(long conversationId, boolean archived) {
        Conversation conversation = owned(conversationId);
        conversation.archive(archived, clock.instant());
        return conversation.toSummary();
    }

    @Transactional(readOnly = true)
    public ConversationSummary getConversation(long conversationId) {
        return owned(conversationId).toSummary();
    }

    @Transactional(readOnly = true)
    public List<ChatMessage> findMessages(long conversationId) {
        owned(conversationId);
        return messages.findByConversationIdOrderByPosition(conversationId).stream()
                .map(Message::toChatMessage).toList();
    }

    /** The last {@code count} messages of the conversation, oldest first: what a chat shows as it opens. */
    @Transactional(readOnly = true)
    public MessagePage findLatestMessages(long conversationId, int count) {
        owned(conversationId);
        return page(messages.findByConversationIdOrderByPositionDesc(conversationId, PageRequest.of(0, count)));
    }

    /**
     * The {@code count} messages just before {@code position}, oldest first: what a long chat shows
     * as the reader scrolls up.
     */
    @Transactional(readOnly = true)
    public MessagePage findMessagesBefore(long conversationId, int position, int count) {
        owned(conversationId);
        return page(messages.findByConversationIdAndPositionLessThanOrderByPositionDesc(conversationId, position,
                PageRequest.of(0, count)));
    }

    private static MessagePage page(Slice<Message> newestFirst) {
        return new MessagePage(newestFirst.getContent().reversed().stream().map(Message::toChatMessage).toList(),
                newestFirst.hasNext());
    }

    /**
     * For each of the caller's conversations in the map, how many finished (complete or stopped),
     * non-blank messages come after the given position; conversations without any are left out,
     * and so are other people's.
     */
    @Transactional(readOnly = true)
    public Map<Long, Integer> countFinishedMessagesAfter(Map<Long, Integer> positionByConversation) {
        return messageCounts.finishedAfter(currentUser.requireUserId(), positionByConversation);
    }

    /** Starts a conversation with its first message, titled from that message. */
    @Transactional
    public ConversationSummary startConversation(String firstMessage) {
        String text = validMessage(firstMessage);
        Conversation conversation = conversations.save(
                new Conversation(currentUser.requireUserId(), titleFrom(text), false, clock.instant()));
        messages.save(new Message(conversation.getId(), 0, MessageRole.USER, text, MessageStatus.COMPLETE,
                clock.instant()));
        return conversation.toSummary();
    }

    /** The models the caller's chats may use, for the model picker. */
    public ModelOptions modelOptions() {
        return replies.modelOptions();
    }

    /** The model the caller picked for the chat; empty when it uses the default. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> chosenModel(long conversationId) {
        return java.util.Optional.ofNullable(owned(conversationId).getModel());
    }

    /**
     * Picks the model that answers the caller's chat from now on.
     *
     * @throws InvalidChatInputException when the model is not one the chat may use
     */
    @Transactional
    public void chooseModel(long conversationId, String model) {
        Conversation conversation = owned(conversationId);
        ModelOptions options = replies.modelOptions();
        if (model == null || !options.offers(model)) {
            throw new InvalidChatInputException(options.problem() != null ? options.problem()
                    : "That model is not offered here; choose one from the list.");
        }
        conversation.chooseModel(model);
    }

    /** The model that answers next, refused when the endpoint no longer offers the chat's choice. */
    private String answeringModel(Conversation conversation) {
        ModelOptions options = replies.modelOptions();
        String model = options.effective(conversation.getModel());
        if (!options.offers(model)) {
            throw new InvalidChatInputException("The model " + model + " is no longer offered; choose another.");
        }
        return model;
    }

    /**
     * Stores the user's message; the assistant is asked only after it is safely stored. Refused,
     * storing nothing, when the chat's model is no longer offered.
     */
    @Transactional
    public ChatMessage postUserMessage(long conversationId, String content) {
        String text = validMessage(content);
        Conversation conversation = owned(conversationId);
        answeringModel(conversation);
        int position = nextPosition(conversationId);
        if (position >= ChatMessage.MAX_PER_CONVERSATION - 1) {
            throw new InvalidChatInputException(FULL_CONVERSATION_MESSAGE);
        }
        conversation.touch(clock.instant());
        return messages.save(new Message(conversationId, position, MessageRole.USER, text,
                MessageStatus.COMPLETE, clock.instant())).toChatMessage();
    }

    /**
     * Asks the assistant to answer the conversation so far. The answer is stored as it ends:
     * complete, stopped by the user (cancel the subscription), or failed with what arrived.
     */
    @Transactional
    public ReplyStream streamReply(long conversationId) {
        String model = answeringModel(owned(conversationId));
        if (nextPosition(conversationId) >= ChatMessage.MAX_PER_CONVERSATION) {
            throw new InvalidChatInputException(FULL_CONVERSATION_MESSAGE);
        }
        replies.acquire(currentUser.requireUserId());
        List<ChatTurn> history = messages.findByConversationIdOrderByPosition(conversationId).stream()
                .map(Message::toChatMessage)
                .filter(m -> m.status() == MessageStatus.COMPLETE || m.status() == MessageStatus.STOPPED)
                .map(m -> new ChatTurn(m.role(), m.content()))
                .toList();
        return replies.stream(conversationId, nextPosition(conversationId), model, currentUser.requireUserId(),
                history);
    }

    /**
     * Makes a private copy of someone else's shared conversation in the caller's chat list,
     * marked as imported. The copy is independent: it outlives the share.
     */
    @Transactional
    public ConversationSummary importConversation(String title, List<ChatTurn> turns) {
        return create(title, turns, true);
    }

    /**
     * A continued copy's title, told apart from the caller's earlier copies of the same title:
     * "Banana bread", then "Banana bread (2)", "Banana bread (3)"…
     */
    private String distinctCopyTitle(String title) {
        String like = title.replace("!", "!!").replace("%", "!%").replace("_", "!_") + " (%)";
        List<String> taken = conversations.findImportedTitles(currentUser.requireUserId(), title, like);
        if (!taken.contains(title)) {
            return title;
        }
        int n = 2;
        while (taken.contains(title + " (" + n + ")")) {
            n++;
        }
        String suffix = " (" + n + ")";
        int room = ConversationSummary.TITLE_MAX_LENGTH - suffix.length();
        return (title.length() > room ? title.substring(0, room) : title) + suffix;
    }

    /** Creates a conversation of the caller's with the given messages, e.g. demo content. */
    @Transactional
    public ConversationSummary createConversation(String title, List<ChatTurn> turns) {
        return create(title, turns, false);
    }

    private ConversationSummary create(String title, List<ChatTurn> turns, boolean imported) {
        String plain = MarkdownRenderer.withoutBidiControls(title);
        String cleanTitle = plain.isBlank() ? ConversationSummary.UNTITLED : plain.strip();
        if (cleanTitle.length() > ConversationSummary.TITLE_MAX_LENGTH) {
            cleanTitle = cleanTitle.substring(0, ConversationSummary.TITLE_MAX_LENGTH);
        }
        if (imported) {
            cleanTitle = distinctCopyTitle(cleanTitle);
        }
        Conversation conversation = conversations.save(
                new Conversation(currentUser.requireUserId(), cleanTitle, imported, clock.instant()));
        batchWriter.insert(conversation.getId(), turns, clock.instant(), imported);
        return conversation.toSummary();
    }

    @Transactional
    public ConversationSummary rename(long conversationId, String title) {
        // Titles show in every view: bidi overrides go here, once, as the public page drops them.
        String text = MarkdownRenderer.withoutBidiControls(title).strip();
        if (text.isEmpty()) {
            throw new InvalidChatInputException("Enter a title.");
        }
        if (text.length() > ConversationSummary.TITLE_MAX_LENGTH) {
            throw new InvalidChatInputException(
                    "A title can have at most " + ConversationSummary.TITLE_MAX_LENGTH + " characters.");
        }
        Conversation conversation = owned(conversationId);
        conversation.rename(text, clock.instant());
        return conversation.toSummary();
    }

    /** Deletes the conversation and its messages; its shared link goes with it. */
    @Transactional
    public void delete(long conversationId) {
        long ownerId = currentUser.requireUserId();
        if (conversations.deleteOwned(conversationId, ownerId) == 0) {
            throw new ConversationNotFoundException();
        }
        events.publishEvent(new ConversationDeleted(conversationId, ownerId));
    }

    /** How many conversations the caller has. */
    @Transactional(readOnly = true)
    public long countConversations() {
        return conversations.countByOwnerId(currentUser.requireUserId());
    }

    /**
     * Deletes all of the caller's conversations in one statement; their messages and shared links
     * go with them (foreign keys), so every one of those links answers 404 at once.
     */
    @Transactional
    public int deleteAllConversations() {
        long ownerId = currentUser.requireUserId();
        int deleted = conversations.deleteAllOwned(ownerId);
        events.publishEvent(new AllConversationsDeleted(ownerId, deleted));
        return deleted;
    }

    /** How the chat view labels the assistant's answers. */
    public String assistantName() {
        return replies.assistantName();
    }

    private Conversation owned(long conversationId) {
        return conversations.findByIdAndOwnerId(conversationId, currentUser.requireUserId())
                .orElseThrow(ConversationNotFoundException::new);
    }

    private int nextPosition(long conversationId) {
        return messages.findLastPosition(conversationId).map(p -> p + 1).orElse(0);
    }

    private static String validMessage(String content) {
        if (content == null || content.isBlank()) {
            throw new InvalidChatInputException("Type a message first.");
        }
        if (content.length() > ChatMessage.MAX_LENGTH) {
            throw new InvalidChatInputException("Your message has " + String.format("%,d", content.length())
                    + " characters; the limit is " + String.format("%,d", ChatMessage.MAX_LENGTH)
                    + ". Shorten it and send again.");
        }
        return content.strip();
    }

    static String titleFrom(String text) {
        String oneLine = MarkdownRenderer.withoutBidiControls(text).strip().replaceAll("\\s+", " ");
        if (oneLine.length() <= ConversationSummary.AUTO_TITLE_LENGTH) {
            return oneLine;
        }
        return oneLine.substring(0, ConversationSummary.AUTO_TITLE_LENGTH - 1).strip() + "…";
    }
}
