package com.chatshare.conversations;

import java.util.List;

/**
 * What the assistant is asked: the model to answer with, the asker's custom instructions (sent as
 * the system prompt; blank for none), the conversation so far, and which version of the answer
 * this is ({@code attempt} 0 for the first answer, 1 for the first regenerated one…). A model
 * varies by itself; an assistant that answers deterministically (the demo) varies by the attempt,
 * so versions can be told apart.
 */
public record AssistantRequest(String model, String instructions, List<ChatTurn> history, int attempt) {

    public AssistantRequest {
        history = List.copyOf(history);
    }

    /** The first answer to {@code history}. */
    public AssistantRequest(String model, String instructions, List<ChatTurn> history) {
        this(model, instructions, history, 0);
    }
}
