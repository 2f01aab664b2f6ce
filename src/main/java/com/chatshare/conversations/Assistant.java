package com.chatshare.conversations;

import java.util.List;
import reactor.core.publisher.Flux;

/**
 * The AI assistant, as a port: an OpenAI-compatible HTTP API, or the offline demo assistant
 * when none is configured.
 */
public interface Assistant {

    /** How the UI labels the answers, e.g. the model name or "Demo assistant (offline)". */
    String displayName();

    /**
     * Streams the answer to the last user turn, piece by piece. Errors arrive as
     * {@link AssistantUnavailableException} with a message fit for the user.
     */
    Flux<String> reply(List<ChatTurn> history);

    /**
     * Another version of the answer to the same history ({@code attempt} 1 for the first new
     * version, 0 for the first answer). A model varies by itself; an assistant that answers
     * deterministically varies by the attempt, so versions can be told apart.
     */
    default Flux<String> reply(List<ChatTurn> history, int attempt) {
        return reply(history);
    }
}
