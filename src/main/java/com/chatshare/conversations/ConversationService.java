package com.chatshare.conversations;

import com.chatshare.base.markdown.MarkdownRenderer;
import com.chatshare.conversations.internal.AssistantReplies;
import com.chatshare.conversations.internal.ChatSearch;
import com.chatshare.conversations.internal.ChatTitles;
import com.chatshare.conversations.internal.ChatTree;
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
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ChatTree tree;
    private final MessageBatchWriter batchWriter;
    private final MessageCounts messageCounts;
    private final ChatSearch chatSearch;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConversationService(ConversationRepository conversations, MessageRepository messages, ChatTree tree,
            AssistantReplies replies, MessageBatchWriter batchWriter, MessageCounts messageCounts, ChatSearch chatSearch,
            CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.tree = tree;
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
     * Searches the caller's chats, archived too, by title and message text, every word typed as a
     * word's beginning, case and accents aside (decision 0021); at most {@link ChatSearchResult#LIMIT}.
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

    /** Archives the caller's chat (out of the list, unpinned; still found, opened and shared), or brings it back. */
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

    /**
     * The messages of the path on screen, first message first: what sharing, the preview and a
     * continued copy take (decision 0023). Other versions are in {@link #findMessageTree}.
     */
    @Transactional(readOnly = true)
    public List<ChatMessage> findMessages(long conversationId) {
        return tree.path(owned(conversationId));
    }

    /** Every message of every branch, oldest first, with its parent: the data export. */
    @Transactional(readOnly = true)
    public List<TreeMessage> findMessageTree(long conversationId) {
        return tree.whole(owned(conversationId));
    }

    /** The last {@code count} messages on screen, oldest first: what a chat shows as it opens. */
    @Transactional(readOnly = true)
    public MessagePage findLatestMessages(long conversationId, int count) {
        return tree.latest(owned(conversationId), count);
    }

    /** The {@code count} messages on screen just before {@code position}, oldest first, as a reader scrolls up. */
    @Transactional(readOnly = true)
    public MessagePage findMessagesBefore(long conversationId, int position, int count) {
        return tree.before(owned(conversationId), position, count);
    }

    /**
     * Where a message of the chat is on the path on screen (its position), as a search result opens
     * the chat at it; empty when it is on another version, or not a message of this chat.
     */
    @Transactional(readOnly = true)
    public OptionalInt positionOnScreen(long conversationId, long messageId) {
        return tree.positionOnScreen(owned(conversationId), messageId);
    }

    /** How many finished, non-blank messages follow each position on screen; none, or others' chats, left out. */
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
        tree.addUserMessage(conversation, null, 0, text);
        return conversation.toSummary();
    }

    /** The models the caller's chats may use, for the model picker. */
    public ModelOptions modelOptions() {
        return replies.modelOptions();
    }

    /** The model the caller picked for the chat; empty when it uses the default. */
    @Transactional(readOnly = true)
    public Optional<String> chosenModel(long conversationId) {
        return Optional.ofNullable(owned(conversationId).getModel());
    }

    /** Picks the model that answers the caller's chat from now on; refused when it is not offered. */
    @Transactional
    public void chooseModel(long conversationId, String model) {
        String offered = replies.offered(model);
        // Locked, as an answer that ends meanwhile writes the same row.
        locked(conversationId).chooseModel(offered);
    }

    /**
     * As {@link #postUserMessage(long, String)}, refused when the chat no longer ends at the message
     * the sender sees last ({@code shownLastId}): another tab switched or edited meanwhile.
     */
    @Transactional
    public ChatMessage postUserMessage(long conversationId, String content, long shownLastId) {
        return post(conversationId, content, shownLastId);
    }

    /**
     * Stores the user's message after the last one on screen; the assistant is asked only after it
     * is safely stored. Refused, storing nothing, when the chat's model is no longer offered.
     */
    @Transactional
    public ChatMessage postUserMessage(long conversationId, String content) {
        return post(conversationId, content, null);
    }

    /** One lock and one read of the leaf, whether or not the sender's last message is checked. */
    private ChatMessage post(long conversationId, String content, @Nullable Long shownLastId) {
        String text = validMessage(content);
        Conversation conversation = locked(conversationId);
        Optional<Message> leaf = tree.leaf(conversation);
        if (shownLastId != null && !leaf.map(Message::getId).equals(Optional.of(shownLastId))) {
            throw new ChatChangedElsewhereException();
        }
        replies.answeringModel(conversation.getModel());
        checkRoom(conversation, 2);
        conversation.touch(clock.instant());
        return tree.addUserMessage(conversation, leaf.map(Message::getId).orElse(null),
                leaf.map(m -> m.getPosition() + 1).orElse(0), text);
    }

    /** Edits a message as a new version beside the kept old one; it is on screen, answered by {@link #streamReply}. */
    @Transactional
    public ChatMessage editUserMessage(long conversationId, long messageId, String newText) {
        String text = validMessage(newText);
        Conversation conversation = locked(conversationId);
        Message edited = tree.message(conversation, messageId, MessageRole.USER);
        checkRoom(conversation, 2);
        conversation.touch(clock.instant());
        return tree.addUserMessage(conversation, edited.getParentId(), edited.getPosition(), text);
    }

    /**
     * Asks the assistant to answer the conversation on screen. The answer is stored as it ends:
     * complete, stopped by the user (cancel the subscription), or failed with what arrived.
     */
    @Transactional
    public ReplyStream streamReply(long conversationId) {
        Conversation conversation = locked(conversationId);
        String model = replies.answeringModel(conversation.getModel());
        checkRoom(conversation, 1);
        replies.acquire(currentUser.requireUserId());
        Optional<Message> leaf = tree.leaf(conversation);
        Long parentId = leaf.map(Message::getId).orElse(null);
        return answer(conversation, model, parentId, leaf.map(m -> m.getPosition() + 1).orElse(0), 0);
    }

    /** A new version of an answer beside the kept old one, on screen and streamed as {@link #streamReply}'s. */
    @Transactional
    public ReplyStream regenerate(long conversationId, long assistantMessageId) {
        Conversation conversation = locked(conversationId);
        Message old = tree.message(conversation, assistantMessageId, MessageRole.ASSISTANT);
        String model = replies.answeringModel(conversation.getModel());
        checkRoom(conversation, 1);
        replies.acquire(currentUser.requireUserId());
        return answer(conversation, model, old.getParentId(), old.getPosition(), tree.versionsOf(conversation, old));
    }

    private ReplyStream answer(Conversation conversation, String model, @Nullable Long parentId, int position,
            int attempt) {
        ReplyStream reply = replies.stream(conversation.getId(), parentId, position, model,
                currentUser.requireUserId(), tree.history(conversation, parentId), attempt);
        conversation.showPathTo(reply.message().id());
        return reply;
    }

    /**
     * Shows another version of a message ({@code step} -1: the one before, 1: the one after); the
     * chat then shows the newest messages that follow that version. Safe from two tabs at once:
     * each switch takes the conversation in turn. Returns the version now shown.
     */
    @Transactional
    public ChatMessage switchVersion(long conversationId, long messageId, int step) {
        return tree.switchVersion(locked(conversationId), messageId, step);
    }

    /**
     * Makes a private copy of someone else's shared conversation in the caller's chat list,
     * marked as imported. The copy is independent: it outlives the share.
     */
    @Transactional
    public ConversationSummary importConversation(String title, List<ChatTurn> turns) {
        return create(title, turns, true);
    }

    /** Creates a conversation of the caller's with the given messages, e.g. demo content. */
    @Transactional
    public ConversationSummary createConversation(String title, List<ChatTurn> turns) {
        return create(title, turns, false);
    }

    private ConversationSummary create(String title, List<ChatTurn> turns, boolean imported) {
        String cleanTitle = ChatTitles.cleaned(title);
        if (imported) {
            cleanTitle = ChatTitles.distinct(cleanTitle, conversations.findImportedTitles(currentUser.requireUserId(),
                    cleanTitle, ChatTitles.numberedLike(cleanTitle)));
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

    private Conversation locked(long conversationId) {
        return conversations.lockOwned(conversationId, currentUser.requireUserId())
                .orElseThrow(ConversationNotFoundException::new);
    }

    /** A chat holds at most {@link ChatMessage#MAX_PER_CONVERSATION} messages, every version counted. */
    private void checkRoom(Conversation conversation, int needed) {
        if (messages.countByConversationId(conversation.getId()) + needed > ChatMessage.MAX_PER_CONVERSATION) {
            throw new InvalidChatInputException(FULL_CONVERSATION_MESSAGE);
        }
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
