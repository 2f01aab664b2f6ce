package com.chatshare.conversations;

/** The addresses of the chat view, for every feature that links to a chat. */
public final class ChatPaths {

    /** The query parameter naming the message to scroll to when a chat opens. */
    public static final String MESSAGE_PARAMETER = "message";

    private ChatPaths() {
    }

    /** One chat's address, relative to the application's root (no leading slash, as Vaadin navigates). */
    public static String chat(long conversationId) {
        return "chat/" + conversationId;
    }

    /** One chat's address, opening at one of its messages (a search result). */
    public static String message(long conversationId, long messageId) {
        return chat(conversationId) + "?" + MESSAGE_PARAMETER + "=" + messageId;
    }
}
