package com.chatshare.datacontrols.internal;

import com.chatshare.conversations.ImportSource;
import com.chatshare.conversations.ImportedChat;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an export as a stream, one conversation at a time (the file is never in memory whole), in
 * two passes: {@link #scan} reads it all once, tells the format from the content and counts the
 * conversations, so a broken file is refused before anything is imported; {@link #read} then hands
 * each conversation, parsed, to the caller.
 */
public final class ExportReader {

    /** The longest string a file may hold; a message is cut much shorter when it is written. */
    public static final int MAX_STRING_LENGTH = 16_000_000;
    /** How deep an export's JSON nests; ChatGPT's nests about a dozen levels. */
    public static final int MAX_NESTING_DEPTH = 100;
    /**
     * The most bytes of JSON one conversation may take: each is read whole, as a tree, before it is
     * written. A conversation of the most messages a chat holds, long ones, is well under it.
     */
    public static final long MAX_CONVERSATION_BYTES = 32L * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNameLength(50_000)
                    .build())
            .build())
            // Each conversation is read as a tree from the middle of the file: what follows it is no error.
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final ExportFile file;
    private final int maxConversations;
    private final long maxConversationBytes;

    /**
     * What the first pass found.
     *
     * @param tooLarge the indexes of the conversations over {@link #MAX_CONVERSATION_BYTES}
     */
    public record Scan(ImportSource source, int conversations, Set<Integer> tooLarge) {
    }

    /**
     * What the second pass left out.
     *
     * @param pastLimit conversations past the limit of one import
     * @param tooLarge conversations over {@link #MAX_CONVERSATION_BYTES}, never read as a tree
     * @param unreadable conversations whose fields were not what their format says (a Chatshare
     *        export edited by hand, say): each one is left out, the others imported
     */
    public record Outcome(int pastLimit, int tooLarge, int unreadable) {
    }

    /** @param maxConversations the conversations imported from one file; the rest are counted as skipped */
    public ExportReader(ExportFile file, int maxConversations) {
        this(file, maxConversations, MAX_CONVERSATION_BYTES);
    }

    ExportReader(ExportFile file, int maxConversations, long maxConversationBytes) {
        this.file = file;
        this.maxConversations = maxConversations;
        this.maxConversationBytes = maxConversationBytes;
    }

    /** Reads the whole file once; refuses what is not an export or not whole. */
    public Scan scan() {
        try (InputStream in = file.openJson(); JsonParser p = JSON.createParser(in)) {
            JsonToken first = p.nextToken();
            Scan scan;
            if (first == JsonToken.START_ARRAY) {
                scan = scanArray(p);
            } else if (first == JsonToken.START_OBJECT) {
                scan = scanChatshare(p);
            } else {
                throw notAnExport();
            }
            if (p.nextToken() != null) {
                throw notAnExport();
            }
            return scan;
        } catch (IOException | JacksonException e) {
            throw unreadable(e);
        }
    }

    private Scan scanArray(JsonParser p) {
        ImportSource source = null;
        int count = 0;
        Set<Integer> tooLarge = new HashSet<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                throw notAnExport();
            }
            long start = p.currentTokenLocation().getByteOffset();
            ImportSource found = sourceOf(p);
            if (p.currentTokenLocation().getByteOffset() - start > maxConversationBytes) {
                tooLarge.add(count);
            }
            if (found == null || (source != null && found != source)) {
                throw notAnExport();
            }
            source = found;
            count++;
        }
        if (source == null) {
            throw new ExportRefusedException("The export holds no chats. Nothing was imported.");
        }
        return new Scan(source, count, tooLarge);
    }

    /** Reads one conversation object to its end; which service's it is by the fields it has. */
    private static @Nullable ImportSource sourceOf(JsonParser p) {
        ImportSource source = null;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            if (ChatGptExport.owns(name)) {
                source = ImportSource.CHATGPT;
            } else if (ClaudeExport.owns(name)) {
                source = ImportSource.CLAUDE;
            }
            p.nextToken();
            walk(p);
        }
        return source;
    }

    /**
     * Reads the value at the parser to its end, every string too (skipping would not measure them),
     * so that the first pass refuses what the second would.
     */
    private static void walk(JsonParser p) {
        int depth = 0;
        JsonToken t = p.currentToken();
        while (true) {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                depth++;
            } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                depth--;
            } else if (t == JsonToken.VALUE_STRING) {
                p.getStringLength();
            } else if (t == null) {
                throw notAnExport();
            }
            if (depth == 0) {
                return;
            }
            t = p.nextToken();
        }
    }

    private Scan scanChatshare(JsonParser p) {
        boolean format = false;
        int count = -1;
        Set<Integer> tooLarge = new HashSet<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("format") && value == JsonToken.VALUE_STRING) {
                format = p.getString().startsWith(ChatshareExport.FORMAT_PREFIX);
            } else if (name.equals("conversations") && value == JsonToken.START_ARRAY) {
                count = 0;
                for (JsonToken c = p.nextToken(); c != JsonToken.END_ARRAY; c = p.nextToken()) {
                    if (c != JsonToken.START_OBJECT) {
                        throw notAnExport();
                    }
                    long start = p.currentTokenLocation().getByteOffset();
                    walk(p);
                    if (p.currentTokenLocation().getByteOffset() - start > maxConversationBytes) {
                        tooLarge.add(count);
                    }
                    count++;
                }
            } else {
                walk(p);
            }
        }
        if (!format || count < 0) {
            throw notAnExport();
        }
        return new Scan(ImportSource.CHATSHARE, count, tooLarge);
    }

    /**
     * Hands each conversation to {@code chats}, parsed, in the file's order, up to the limit of
     * conversations; returns what was left out, and why.
     */
    public Outcome read(Scan scan, Instant now, Consumer<ImportedChat> chats) {
        try (InputStream in = file.openJson(); JsonParser p = JSON.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (name.equals("conversations") && value == JsonToken.START_ARRAY) {
                        return readArray(p, scan, now, chats);
                    }
                    p.skipChildren();
                }
                return new Outcome(0, 0, 0);
            }
            return readArray(p, scan, now, chats);
        } catch (IOException | JacksonException e) {
            throw unreadable(e);
        }
    }

    private Outcome readArray(JsonParser p, Scan scan, Instant now, Consumer<ImportedChat> chats) {
        int index = -1;
        int read = 0;
        int pastLimit = 0;
        int tooLarge = 0;
        int unreadable = 0;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            index++;
            if (read >= maxConversations) {
                p.skipChildren();
                pastLimit++;
                continue;
            }
            read++;
            if (scan.tooLarge().contains(index)) {
                p.skipChildren();
                tooLarge++;
                continue;
            }
            JsonNode conversation = JSON.readTree(p);
            ImportedChat chat;
            try {
                chat = switch (scan.source()) {
                    case CHATGPT -> ChatGptExport.conversation(conversation, now);
                    case CLAUDE -> ClaudeExport.conversation(conversation, now);
                    case CHATSHARE -> ChatshareExport.conversation(conversation, now);
                };
            } catch (RuntimeException e) {
                unreadable++;
                continue;
            }
            chats.accept(chat);
        }
        return new Outcome(pastLimit, tooLarge, unreadable);
    }

    private static ExportRefusedException notAnExport() {
        return new ExportRefusedException("This is not a ChatGPT, Claude or Chatshare export. "
                + "Upload the zip file the service sent (or Chatshare's .json). Nothing was imported.");
    }

    private static RuntimeException unreadable(Exception e) {
        if (e instanceof ExportRefusedException refused) {
            return refused;
        }
        if (e instanceof ZipException || e.getCause() instanceof ZipException) {
            return ExportFile.damaged(e);
        }
        if (e instanceof StreamConstraintsException) {
            return new ExportRefusedException("The file holds a text longer than " + String.format("%,d",
                    MAX_STRING_LENGTH) + " characters or nests deeper than " + MAX_NESTING_DEPTH
                    + " levels: it is not an export this import reads. Nothing was imported.", e);
        }
        if (e instanceof JacksonException) {
            return new ExportRefusedException("The file is not whole or not valid JSON (" + where((JacksonException) e)
                    + "). Download the export again and retry. Nothing was imported.", e);
        }
        return new ExportRefusedException("The file could not be read. Nothing was imported.", e);
    }

    private static String where(JacksonException e) {
        return e.getLocation() == null ? "it breaks off" : "it breaks at byte " + String.format("%,d",
                Math.max(0, e.getLocation().getByteOffset()));
    }
}
