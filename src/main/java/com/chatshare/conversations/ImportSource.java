package com.chatshare.conversations;

/** The service whose export a chat was imported from (decision 0028). */
public enum ImportSource {
    CHATGPT("ChatGPT"),
    CLAUDE("Claude"),
    CHATSHARE("Chatshare");

    private final String label;

    ImportSource(String label) {
        this.label = label;
    }

    /** The service's name as people write it: "ChatGPT". */
    public String label() {
        return label;
    }
}
