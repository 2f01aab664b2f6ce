package com.chatshare.conversations;

import reactor.core.publisher.Flux;

/**
 * An assistant answer being written: the stored message it will fill, and its text as it
 * arrives. Subscribing starts generation; cancelling the subscription stops it and keeps what
 * arrived. The stored message is finished whichever way the stream ends.
 */
public record ReplyStream(ChatMessage message, Flux<String> tokens) {
}
