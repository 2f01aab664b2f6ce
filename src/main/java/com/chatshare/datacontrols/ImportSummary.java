package com.chatshare.datacontrols;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How an import ended.
 *
 * @param imported the chats written
 * @param skipped the chats left out, counted by reason ("already imported": 3)
 * @param refused why the file was refused as a whole, nothing imported; null when it was read
 */
public record ImportSummary(int imported, Map<String, Integer> skipped, @Nullable String refused) {

    public ImportSummary {
        skipped = Map.copyOf(skipped);
    }

    static ImportSummary refusedFile(String why) {
        return new ImportSummary(0, Map.of(), why);
    }

    public int skippedCount() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }
}
