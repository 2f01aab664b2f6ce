package com.chatshare.moderation;

/** Why a viewer reports a shared chat. */
public enum ReportReason {
    HARASSMENT("Harassment"),
    HATE("Hate"),
    SEXUAL_CONTENT("Sexual content"),
    VIOLENCE("Violence"),
    SELF_HARM("Self-harm"),
    ILLEGAL("Illegal"),
    SPAM_OR_PHISHING("Spam or phishing"),
    PERSONAL_INFORMATION("Personal information"),
    OTHER("Other");

    private final String label;

    ReportReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
