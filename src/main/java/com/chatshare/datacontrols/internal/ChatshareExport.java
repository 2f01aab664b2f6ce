package com.chatshare.datacontrols.internal;

import com.chatshare.conversations.ImportSource;
import com.chatshare.conversations.ImportedChat;
import com.chatshare.conversations.ImportedMessage;
import com.chatshare.conversations.MessageRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One conversation of Chatshare's own export ({@code chatshare-export/2}, written by
 * {@code DataExport}): {@code id}, {@code title}, {@code updatedAt} and {@code messages}, every
 * version, each with {@code id}, {@code parentId}, {@code role}, {@code content}, {@code model},
 * {@code createdAt} and {@code onScreen}. Without {@code parentId} (older exports) the messages are
 * one path. Empty messages (an answer that failed before its first word) are left out.
 */
public final class ChatshareExport {

    /** The {@code format} of the exports this reads: {@code chatshare-export/1}, {@code /2}. */
    static final String FORMAT_PREFIX = "chatshare-export/";

    private ChatshareExport() {
    }

    public static ImportedChat conversation(JsonNode conversation, Instant now) {
        Instant updated = date(conversation.get("updatedAt"), now);
        JsonNode list = conversation.path("messages");
        boolean tree = false;
        for (JsonNode message : list.values()) {
            tree |= message.has("parentId");
        }
        Map<String, @Nullable String> parentOf = new HashMap<>();
        Map<String, ImportedMessage> kept = new LinkedHashMap<>();
        String previous = null;
        String leaf = null;
        int leafPosition = -1;
        Instant created = updated;
        for (JsonNode message : list.values()) {
            String key = message.path("id").asString("");
            if (key.isEmpty() || parentOf.containsKey(key)) {
                continue;
            }
            JsonNode parent = message.get("parentId");
            parentOf.put(key, tree ? (parent == null || parent.isNull() ? null : parent.asString()) : previous);
            previous = key;
            ImportedMessage imported = message(key, message, updated);
            if (imported == null) {
                continue;
            }
            kept.put(key, imported);
            created = imported.createdAt().isBefore(created) ? imported.createdAt() : created;
            int position = message.path("position").asInt(0);
            if (message.path("onScreen").asBoolean(false) && position >= leafPosition) {
                leaf = key;
                leafPosition = position;
            }
        }
        Map<String, @Nullable String> parents = ExportNodes.keptParents(parentOf, kept.keySet());
        List<ImportedMessage> messages = new ArrayList<>(kept.size());
        for (ImportedMessage m : kept.values()) {
            messages.add(new ImportedMessage(m.key(), parents.get(m.key()), m.role(), m.text(), m.model(),
                    m.createdAt()));
        }
        // The id alone is another server's; with the first message's time it names one chat.
        String id = conversation.path("id").asString("");
        String sourceKey = id.isBlank() || messages.isEmpty() ? null : id + "@" + created.toEpochMilli();
        return new ImportedChat(sourceKey, ExportNodes.string(conversation, "title", ""), created, updated,
                ImportSource.CHATSHARE, messages, leaf == null && !tree ? previous : leaf);
    }

    private static @Nullable ImportedMessage message(String key, JsonNode message, Instant otherwise) {
        MessageRole role = switch (ExportNodes.string(message, "role", "")) {
            case "USER" -> MessageRole.USER;
            case "ASSISTANT" -> MessageRole.ASSISTANT;
            default -> null;
        };
        String text = ExportNodes.string(message, "content", "");
        if (role == null || text.isBlank()) {
            return null;
        }
        return new ImportedMessage(key, null, role, text, ExportNodes.string(message, "model"),
                date(message.get("createdAt"), otherwise));
    }

    /** Jackson writes an {@code Instant} as ISO-8601 text, or as epoch seconds with a fraction. */
    private static Instant date(@Nullable JsonNode value, Instant otherwise) {
        if (value != null && value.isString()) {
            return ExportNodes.isoDate(value.stringValue(), otherwise);
        }
        return ExportNodes.epochSeconds(value, otherwise);
    }
}
