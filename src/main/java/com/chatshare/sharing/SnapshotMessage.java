package com.chatshare.sharing;

import com.chatshare.conversations.MessageRole;

/**
 * One message of a shared snapshot, rendered: {@code html} is Markdown turned into HTML with raw
 * HTML escaped, links allow-listed and everything else stripped. Safe to put into a page.
 *
 * @param omittedBefore how many of the conversation's messages the owner left out just before this
 *        one; every view of the snapshot shows {@link #omittedLabel(int)} there when it is not 0
 */
public record SnapshotMessage(MessageRole role, String html, int omittedBefore) {

    public SnapshotMessage(MessageRole role, String html) {
        this(role, html, 0);
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
