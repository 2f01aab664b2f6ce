package com.chatshare.conversations;

import com.chatshare.conversations.internal.ChatTitles;
import com.chatshare.conversations.internal.Conversation;
import com.chatshare.conversations.internal.ConversationRepository;
import com.chatshare.conversations.internal.ImportWriter;
import com.chatshare.conversations.internal.MessageTree;
import com.chatshare.conversations.internal.TreeNode;
import com.chatshare.security.CurrentUser;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes chats read from an export (ChatGPT's, Claude's, Chatshare's own; decision 0028) into the
 * signed-in user's chat list, one conversation per call and transaction: all of it or nothing.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ChatImports {

    public static final String TOO_MANY_MESSAGES = "more than " + String.format("%,d", ChatMessage.MAX_PER_CONVERSATION)
            + " messages (the limit of a chat)";
    public static final String NO_MESSAGES = "no messages to import";
    public static final String ALREADY_IMPORTED = "already imported";
    /** Ends a message cut to the limit of its kind ({@link ChatMessage#MAX_LENGTH}, {@link ChatMessage#MAX_ANSWER_LENGTH}). */
    public static final String CUT_NOTE = "\n\n[Cut off at the import: the message was longer than %,d characters.]";
    /** The longest export id kept to recognise a chat imported before. */
    public static final int SOURCE_KEY_MAX_LENGTH = 100;

    /** The unique index of an imported chat's export id per owner and source (V24). */
    private static final String IMPORT_KEY_INDEX = "conversation_import_uk";
    /** MariaDB's "Duplicate entry … for key …". */
    private static final int DUPLICATE_KEY = 1062;

    private final ConversationRepository conversations;
    private final ImportWriter writer;
    private final CurrentUser currentUser;

    ChatImports(ConversationRepository conversations, ImportWriter writer, CurrentUser currentUser) {
        this.conversations = conversations;
        this.writer = writer;
        this.currentUser = currentUser;
    }

    /**
     * Writes one chat, every branch, with its title, dates and the path it showed, marked as
     * imported from its source. Texts past a message's limit are cut with a note; a chat past the
     * limit of messages, with none, or imported before (also by an import running at once on another
     * node: the loser of the race is refused so), is refused and nothing of it is written.
     *
     * @throws ChatImportRefusedException with the reason the chat was left out
     */
    @Transactional
    public ConversationSummary importChat(ImportedChat chat) {
        long ownerId = currentUser.requireUserId();
        if (chat.messages().isEmpty()) {
            throw new ChatImportRefusedException(NO_MESSAGES);
        }
        if (chat.messages().size() > ChatMessage.MAX_PER_CONVERSATION) {
            throw new ChatImportRefusedException(TOO_MANY_MESSAGES);
        }
        String key = chat.sourceKey() == null || chat.sourceKey().isBlank() ? null
                : cut(chat.sourceKey().strip(), SOURCE_KEY_MAX_LENGTH);
        if (key != null && conversations.existsByOwnerIdAndImportSourceAndImportKey(ownerId, chat.source(), key)) {
            throw new ChatImportRefusedException(ALREADY_IMPORTED);
        }
        List<ImportWriter.Row> rows = ImportWriter.ordered(chat.messages(), ChatImports::withinLimits);
        if (rows.isEmpty()) {
            throw new ChatImportRefusedException(NO_MESSAGES);
        }
        Conversation conversation;
        try {
            conversation = conversations.save(new Conversation(ownerId, ChatTitles.cleaned(chat.title()),
                    chat.source(), key, chat.createdAt(), chat.updatedAt()));
        } catch (DataIntegrityViolationException e) {
            // The same export imported at once elsewhere (another node's import, which the check above
            // could not see before it committed): the unique key lets one of the two in.
            if (isImportKeyClash(e)) {
                throw new ChatImportRefusedException(ALREADY_IMPORTED);
            }
            throw e;
        }
        // The path on screen is set by the writer's one-column update: the entity's would rewrite
        // every column of the row, its FULLTEXT-indexed title among them.
        writer.insert(conversation.getId(), rows, onScreen(rows, chat.onScreenLeafKey()));
        return conversation.toSummary();
    }

    /** Whether the database refused a row for {@link #IMPORT_KEY_INDEX}, not for any other integrity rule. */
    private static boolean isImportKeyClash(DataIntegrityViolationException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY
                    // The key's name ends the message; the duplicate value, from the export, comes before it.
                    && sql.getMessage() != null && sql.getMessage().strip().endsWith("for key '" + IMPORT_KEY_INDEX + "'")) {
                return true;
            }
        }
        return false;
    }

    /** The index of the leaf on screen: the export's, else the newest of the longest path (as {@link MessageTree}). */
    private static int onScreen(List<ImportWriter.Row> rows, @Nullable String leafKey) {
        List<TreeNode> nodes = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ImportWriter.Row row = rows.get(i);
            if (row.message().key().equals(leafKey)) {
                return i;
            }
            nodes.add(new TreeNode(i, row.parent() == null ? null : (long) row.parent(), row.position()));
        }
        return (int) new MessageTree(nodes).leaf(null).orElseThrow().id();
    }

    private static ImportedMessage withinLimits(ImportedMessage message) {
        int limit = message.role() == MessageRole.USER ? ChatMessage.MAX_LENGTH : ChatMessage.MAX_ANSWER_LENGTH;
        String text = message.text().length() <= limit ? message.text()
                : cut(message.text(), limit) + CUT_NOTE.formatted(limit);
        String model = message.model() == null || message.model().isBlank() ? null
                : cut(message.model().strip(), ModelOptions.NAME_MAX_LENGTH);
        return new ImportedMessage(message.key(), message.parentKey(), message.role(), text, model,
                message.createdAt());
    }

    /** At most {@code length} characters, never half of a surrogate pair. */
    private static String cut(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }
}
