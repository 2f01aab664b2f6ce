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
import java.util.Set;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One conversation of ChatGPT's {@code conversations.json}: {@code title}, {@code create_time} and
 * {@code update_time} (epoch seconds), {@code mapping} (node id → {@code {id, message, parent,
 * children}}, a tree with every branch) and {@code current_node}, the leaf on screen. Messages of
 * the system and of tools, hidden ones and empty nodes are left out, their replies handed up to the
 * nearest message kept; images, audio and files become a line saying they were not imported.
 */
public final class ChatGptExport {

    /** Content types that hold the user's settings, not words of the chat. */
    private static final Set<String> CONTEXT_TYPES = Set.of("user_editable_context", "model_editable_context");

    private ChatGptExport() {
    }

    /** Whether a conversation object is ChatGPT's: it has a field only ChatGPT's has. */
    static boolean owns(String fieldName) {
        return fieldName.equals("mapping") || fieldName.equals("current_node");
    }

    public static ImportedChat conversation(JsonNode conversation, Instant now) {
        Instant created = ExportNodes.epochSeconds(conversation.get("create_time"), now);
        Instant updated = ExportNodes.epochSeconds(conversation.get("update_time"), created);
        Map<String, @Nullable String> parentOf = new HashMap<>();
        Map<String, ImportedMessage> kept = new LinkedHashMap<>();
        JsonNode mapping = conversation.path("mapping");
        for (Map.Entry<String, JsonNode> entry : mapping.properties()) {
            String key = entry.getKey();
            JsonNode node = entry.getValue();
            parentOf.put(key, ExportNodes.string(node, "parent"));
            ImportedMessage message = message(key, node.get("message"), created);
            if (message != null) {
                kept.put(key, message);
            }
        }
        Map<String, @Nullable String> parents = ExportNodes.keptParents(parentOf, kept.keySet());
        List<ImportedMessage> messages = new ArrayList<>(kept.size());
        for (ImportedMessage m : kept.values()) {
            messages.add(new ImportedMessage(m.key(), parents.get(m.key()), m.role(), m.text(), m.model(),
                    m.createdAt()));
        }
        String leaf = ExportNodes.keptAncestor(ExportNodes.string(conversation, "current_node"), parentOf,
                kept.keySet());
        String id = ExportNodes.string(conversation, "conversation_id", ExportNodes.string(conversation, "id", ""));
        return new ImportedChat(id.isBlank() ? null : id, ExportNodes.string(conversation, "title", ""), created,
                updated, ImportSource.CHATGPT, messages, leaf);
    }

    /** The node's message as imported; null for what is left out. */
    private static @Nullable ImportedMessage message(String key, @Nullable JsonNode message, Instant conversationCreated) {
        if (message == null || !message.isObject()) {
            return null;
        }
        MessageRole role = switch (ExportNodes.string(message.path("author"), "role", "")) {
            case "user" -> MessageRole.USER;
            case "assistant" -> MessageRole.ASSISTANT;
            default -> null; // system, tool: not words of the chat
        };
        JsonNode metadata = message.path("metadata");
        if (role == null || metadata.path("is_visually_hidden_from_conversation").asBoolean(false)) {
            return null;
        }
        JsonNode content = message.path("content");
        String contentType = ExportNodes.string(content, "content_type", "text");
        if (CONTEXT_TYPES.contains(contentType)) {
            return null;
        }
        StringJoiner text = new StringJoiner("\n\n");
        String body = body(contentType, content);
        if (!body.isBlank()) {
            text.add(body);
        }
        for (JsonNode attachment : metadata.path("attachments").values()) {
            text.add("[Attachment not imported: " + ExportNodes.string(attachment, "name", "a file") + "]");
        }
        if (text.length() == 0) {
            return null;
        }
        String model = role == MessageRole.ASSISTANT ? ExportNodes.string(metadata, "model_slug") : null;
        return new ImportedMessage(key, null, role, text.toString(), model,
                ExportNodes.epochSeconds(message.get("create_time"), conversationCreated));
    }

    private static String body(String contentType, JsonNode content) {
        return switch (contentType) {
            case "code" -> {
                String language = ExportNodes.string(content, "language", "");
                yield "```" + (language.equals("unknown") ? "" : language.strip()) + "\n"
                        + ExportNodes.string(content, "text", "") + "\n```";
            }
            case "text", "multimodal_text" -> parts(content.path("parts"));
            case "tether_quote" -> quote(content);
            default -> {
                // Other kinds (thoughts, browsing displays, execution output) hold no words of the chat, or only a text.
                String text = ExportNodes.string(content, "text");
                yield text == null ? parts(content.path("parts")) : text;
            }
        };
    }

    private static String parts(JsonNode parts) {
        StringJoiner text = new StringJoiner("\n\n");
        for (JsonNode part : parts.values()) {
            String line = part.isString() ? part.stringValue() : part.isObject() ? part(part) : "";
            if (!line.isBlank()) {
                text.add(line);
            }
        }
        return text.toString();
    }

    /** A part that is not a string: an image, audio, a quote. Nothing is fetched from an export. */
    private static String part(JsonNode part) {
        String type = ExportNodes.string(part, "content_type", "");
        return switch (type) {
            case "image_asset_pointer" -> "[Image not imported]";
            case "audio_asset_pointer", "real_time_user_audio_video_asset_pointer" -> "[Audio not imported]";
            case "audio_transcription" -> ExportNodes.string(part, "text", "");
            case "tether_quote" -> quote(part);
            default -> {
                String text = ExportNodes.string(part, "text");
                yield text != null ? text : "[" + (type.isBlank() ? "Attachment" : type) + " not imported]";
            }
        };
    }

    private static String quote(JsonNode quote) {
        String text = ExportNodes.string(quote, "text", "");
        String title = ExportNodes.string(quote, "title", "");
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            out.append("> ").append(line).append('\n');
        }
        return title.isBlank() ? out.toString().strip() : out.append("\n— ").append(title).toString().strip();
    }
}
