package com.chatshare.sharing;

import com.chatshare.conversations.MessageRole;
import org.jspecify.annotations.Nullable;

/**
 * One message of a shared snapshot, rendered: {@code html} is Markdown turned into HTML with raw
 * HTML escaped, links allow-listed and everything else stripped. Safe to put into a page.
 *
 * @param omittedBefore how many of the conversation's messages the owner left out just before this
 *        one; every view of the snapshot shows {@link #omittedLabel(int)} there when it is not 0
 * @param model the model that wrote an answer, as text (untrusted: escape it, never markup); null
 *        when not recorded
 */
public record SnapshotMessage(MessageRole role, String html, int omittedBefore, @Nullable String model) {

    public SnapshotMessage(MessageRole role, String html) {
        this(role, html, 0, null);
    }

    public SnapshotMessage(MessageRole role, String html, int omittedBefore) {
        this(role, html, omittedBefore, null);
    }

    /** The line under an answer naming its model, the same words on every view: "Answered by gpt-4o". */
    public static String answeredBy(String model) {
        return "Answered by " + model;
    }

    /** The marker where messages were left out, the same words on every view: "2 messages not shared". */
    public static String omittedLabel(int omitted) {
        return omitted == 1 ? "1 message not shared" : omitted + " messages not shared";
    }

    /** {@link #omittedLabel(int)} of this message's gap, for templates. */
    public String omittedLabel() {
        return omittedLabel(omittedBefore);
    }
}
