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
     * The models the assistant offers, as its endpoint lists them (the demo assistant lists
     * itself). Errors arrive as {@link AssistantUnavailableException} with a message fit for the user.
     */
    List<String> models();

    /**
     * Streams the answer to the last user turn, piece by piece. Errors arrive as
     * {@link AssistantUnavailableException} with a message fit for the user.
     */
    Flux<String> reply(AssistantRequest request);

    /** The answer with the configured model ({@link #displayName()}) and no instructions. */
    default Flux<String> reply(List<ChatTurn> history) {
        return reply(new AssistantRequest(displayName(), "", history));
    }
}
