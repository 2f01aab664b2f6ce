package com.chatshare.conversations.ui;

import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * An answer's pieces in batches for the browser: the first piece at once, since the reader is
 * waiting for the first words, then what arrived in each {@link #UI_BATCH}; the answer's tail is
 * rendered again at most that often (decision 0022).
 */
final class AnswerBatches {

    /** How often an answer being written is sent to the browser. */
    static final Duration UI_BATCH = Duration.ofMillis(100);
    /** Pieces in one batch at most; far more than a model writes in {@link #UI_BATCH}. */
    private static final int UI_BATCH_PIECES = 4096;

    private AnswerBatches() {
    }

    static Flux<List<String>> of(Flux<String> tokens) {
        return tokens.switchOnFirst((first, all) -> first.hasValue()
                ? Flux.concat(Flux.just(List.of(first.get())), all.skip(1).bufferTimeout(UI_BATCH_PIECES, UI_BATCH))
                : all.bufferTimeout(UI_BATCH_PIECES, UI_BATCH));
    }
}
