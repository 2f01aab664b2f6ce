package com.chatshare.conversations.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A fake OpenAI-compatible endpoint for a {@code MockWebServer}: lists {@link #models} at
 * {@code GET /v1/models} and answers every chat completion with {@link #answer}, streamed, keeping
 * the request bodies it was sent.
 */
public final class FakeEndpoint extends Dispatcher {

    public volatile List<String> models;
    public volatile List<String> answer = List.of("Here is ", "the answer.");
    public final List<String> chatRequests = new CopyOnWriteArrayList<>();

    public FakeEndpoint(String... models) {
        this.models = List.of(models);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath() == null ? "" : request.getPath();
        if (path.endsWith("/models")) {
            return FakeModels.list(models.toArray(String[]::new));
        }
        if (path.endsWith("/chat/completions")) {
            chatRequests.add(request.getBody().readUtf8());
            return FakeOpenAi.stream(answer.toArray(String[]::new));
        }
        return new MockResponse().setResponseCode(404);
    }

    /** The body of the last chat completion request. */
    public String lastChatRequest() {
        return chatRequests.isEmpty() ? "" : chatRequests.getLast();
    }
}
