package com.chatshare.conversations;

import java.util.List;

/**
 * What the assistant is asked: the model to answer with, the asker's custom instructions (sent as
 * the system prompt; blank for none) and the conversation so far.
 */
public record AssistantRequest(String model, String instructions, List<ChatTurn> history) {

    public AssistantRequest {
        history = List.copyOf(history);
    }
}
