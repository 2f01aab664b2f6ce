package com.chatshare.conversations.internal;

import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;

/** Answers in the OpenAI chat completions streaming format: server-sent events, one chunk each. */
public final class FakeOpenAi {

    private FakeOpenAi() {
    }

    public static MockResponse stream(String... pieces) {
        StringBuilder body = new StringBuilder();
        body.append(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        for (String piece : pieces) {
            body.append(chunk("{\"content\":\"" + json(piece) + "\"}", null));
        }
        body.append(chunk("{}", "\"stop\""));
        body.append("data: [DONE]\n\n");
        return new MockResponse()
                .setHeader("Content-Type", "text/event-stream")
                .setBody(body.toString());
    }

    /** The same stream, trickled out a few bytes at a time. */
    public static MockResponse slowStream(long bytesPerPeriod, long periodMillis, String... pieces) {
        return stream(pieces).throttleBody(bytesPerPeriod, periodMillis, TimeUnit.MILLISECONDS);
    }

    private static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"test-model\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"finish_reason\":" + (finishReason == null ? "null" : finishReason) + "}]}\n\n";
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
