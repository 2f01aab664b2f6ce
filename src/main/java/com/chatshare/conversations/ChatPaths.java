package com.chatshare.conversations;

/** The addresses of the chat view, for every feature that links to a chat. */
public final class ChatPaths {

    private ChatPaths() {
    }

    /** One chat's address, relative to the application's root (no leading slash, as Vaadin navigates). */
    public static String chat(long conversationId) {
        return "chat/" + conversationId;
    }
}
