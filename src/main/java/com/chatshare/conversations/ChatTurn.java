package com.chatshare.conversations;

/** One turn of the history the {@link Assistant} answers to. */
public record ChatTurn(MessageRole role, String content) {
}
