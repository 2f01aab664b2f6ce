package com.chatshare.datacontrols.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** What the parsers share: reading fields that may be missing or of another type, dates, and skipped messages. */
final class ExportNodes {

    /** The last second the database's dates hold (2038-01-19); an export's later "dates" are not dates. */
    private static final double LAST_EPOCH_SECOND = Integer.MAX_VALUE;

    private ExportNodes() {
    }

    /** The field's text, or null when it is missing, null or not a string. */
    static @Nullable String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    static String string(JsonNode node, String field, String otherwise) {
        String value = string(node, field);
        return value == null ? otherwise : value;
    }

    /** Epoch seconds with a fraction (ChatGPT's {@code create_time}), or {@code otherwise}. */
    static Instant epochSeconds(@Nullable JsonNode value, Instant otherwise) {
        if (value == null || !value.isNumber()) {
            return otherwise;
        }
        double seconds = value.asDouble();
        if (!(seconds >= 0 && seconds < LAST_EPOCH_SECOND)) {
            return otherwise;
        }
        long whole = (long) Math.floor(seconds);
        return Instant.ofEpochSecond(whole, (long) ((seconds - whole) * 1e9));
    }

    /** An ISO-8601 date with an offset ({@code 2024-03-01T10:00:00.123456+00:00} or {@code …Z}), or {@code otherwise}. */
    static Instant isoDate(@Nullable String value, Instant otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            Instant date = OffsetDateTime.parse(value).toInstant();
            return date.getEpochSecond() >= 0 && date.getEpochSecond() < LAST_EPOCH_SECOND ? date : otherwise;
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }

    /**
     * For each kept message, the nearest kept message above it: a skipped message (a system
     * prompt, a tool's output, an empty node) hands its replies to its own parent. Cycles end the
     * walk at a first message. Each skipped node is walked once, its answer remembered: a hostile
     * export's long chain of skipped nodes under many messages costs its length, not its square.
     */
    static Map<String, @Nullable String> keptParents(Map<String, @Nullable String> parentOf, Set<String> kept) {
        Map<String, @Nullable String> result = new HashMap<>();
        Map<String, @Nullable String> known = new HashMap<>();
        for (String key : kept) {
            result.put(key, keptAncestor(parentOf.get(key), parentOf, kept, known));
        }
        return result;
    }

    /** The message itself when kept, else its nearest kept ancestor; null when there is none. */
    static @Nullable String keptAncestor(@Nullable String start, Map<String, @Nullable String> parentOf,
            Set<String> kept) {
        return keptAncestor(start, parentOf, kept, new HashMap<>());
    }

    /** @param known skipped nodes already walked, with their nearest kept ancestor; those walked now are added */
    private static @Nullable String keptAncestor(@Nullable String start, Map<String, @Nullable String> parentOf,
            Set<String> kept, Map<String, @Nullable String> known) {
        List<String> walked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String at = start;
        String found;
        while (true) {
            if (at == null || kept.contains(at)) {
                found = at;
                break;
            }
            if (known.containsKey(at)) {
                found = known.get(at);
                break;
            }
            if (!seen.add(at)) {
                // A cycle of skipped nodes: no kept message above.
                found = null;
                break;
            }
            walked.add(at);
            at = parentOf.get(at);
        }
        for (String skipped : walked) {
            known.put(skipped, found);
        }
        return found;
    }
}
