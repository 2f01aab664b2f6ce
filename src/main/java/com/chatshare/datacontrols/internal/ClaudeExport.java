package com.chatshare.datacontrols.internal;

import com.chatshare.conversations.ImportSource;
import com.chatshare.conversations.ImportedChat;
import com.chatshare.conversations.ImportedMessage;
import com.chatshare.conversations.MessageRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One conversation of Claude's {@code conversations.json}: {@code uuid}, {@code name},
 * {@code created_at} and {@code updated_at} (ISO-8601) and {@code chat_messages}, each with
 * {@code uuid}, {@code sender} (human or assistant), {@code text} and {@code content} blocks,
 * {@code attachments} and {@code files}. With {@code parent_message_uuid} the messages form a tree
 * (every branch kept, {@code current_leaf_message_uuid} on screen when given); without, one path
 * in the order listed. Attachments become a line naming them; their contents are not imported.
 */
public final class ClaudeExport {

    private ClaudeExport() {
    }

    /** Whether a conversation object is Claude's: it has a field only Claude's has. */
    static boolean owns(String fieldName) {
        return fieldName.equals("chat_messages");
    }

    public static ImportedChat conversation(JsonNode conversation, Instant now) {
        Instant created = ExportNodes.isoDate(ExportNodes.string(conversation, "created_at"), now);
        Instant updated = ExportNodes.isoDate(ExportNodes.string(conversation, "updated_at"), created);
        JsonNode list = conversation.path("chat_messages");
        boolean tree = false;
        for (JsonNode message : list.values()) {
            tree |= ExportNodes.string(message, "parent_message_uuid") != null;
        }
        Map<String, @Nullable String> parentOf = new HashMap<>();
        Map<String, ImportedMessage> kept = new LinkedHashMap<>();
        String previous = null;
        int index = 0;
        for (JsonNode message : list.values()) {
            String key = ExportNodes.string(message, "uuid", "#" + index);
            index++;
            if (parentOf.containsKey(key)) {
                continue; // a repeated id: the first one counts
            }
            parentOf.put(key, tree ? ExportNodes.string(message, "parent_message_uuid") : previous);
            previous = key;
            ImportedMessage imported = message(key, message, created);
            if (imported != null) {
                kept.put(key, imported);
            }
        }
        Map<String, @Nullable String> parents = ExportNodes.keptParents(parentOf, kept.keySet());
        List<ImportedMessage> messages = new ArrayList<>(kept.size());
        for (ImportedMessage m : kept.values()) {
            messages.add(new ImportedMessage(m.key(), parents.get(m.key()), m.role(), m.text(), m.model(),
                    m.createdAt()));
        }
        String leaf = ExportNodes.keptAncestor(
                ExportNodes.string(conversation, "current_leaf_message_uuid", tree ? "" : previous == null ? "" : previous),
                parentOf, kept.keySet());
        String id = ExportNodes.string(conversation, "uuid");
        return new ImportedChat(id, ExportNodes.string(conversation, "name", ""), created, updated,
                ImportSource.CLAUDE, messages, leaf);
    }

    private static @Nullable ImportedMessage message(String key, JsonNode message, Instant conversationCreated) {
        MessageRole role = switch (ExportNodes.string(message, "sender", "")) {
            case "human", "user" -> MessageRole.USER;
            case "assistant" -> MessageRole.ASSISTANT;
            default -> null;
        };
        if (role == null) {
            return null;
        }
        StringJoiner text = new StringJoiner("\n\n");
        String body = body(message);
        if (!body.isBlank()) {
            text.add(body);
        }
        Set<String> names = new LinkedHashSet<>();
        for (String field : List.of("attachments", "files")) {
            for (JsonNode file : message.path(field).values()) {
                names.add(ExportNodes.string(file, "file_name", "a file"));
            }
        }
        names.forEach(name -> text.add("[Attachment not imported: " + name + "]"));
        if (text.length() == 0) {
            return null;
        }
        return new ImportedMessage(key, null, role, text.toString(), null,
                ExportNodes.isoDate(ExportNodes.string(message, "created_at"), conversationCreated));
    }

    /** The text blocks of {@code content} in order (other blocks as a line), else the plain {@code text}. */
    private static String body(JsonNode message) {
        JsonNode content = message.path("content");
        if (!content.isArray() || content.isEmpty()) {
            return ExportNodes.string(message, "text", "");
        }
        StringJoiner text = new StringJoiner("\n\n");
        for (JsonNode block : content.values()) {
            String line = switch (ExportNodes.string(block, "type", "")) {
                case "text" -> ExportNodes.string(block, "text", "");
                case "thinking", "tool_result" -> "";
                case "image" -> "[Image not imported]";
                case "tool_use" -> "[Tool use not imported: " + ExportNodes.string(block, "name", "a tool") + "]";
                default -> "";
            };
            if (!line.isBlank()) {
                text.add(line);
            }
        }
        return text.toString();
    }
}
