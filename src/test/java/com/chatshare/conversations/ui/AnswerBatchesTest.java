package com.chatshare.conversations.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/** How an answer's pieces go to the browser: the first at once, the rest batched, nothing lost or reordered. */
class AnswerBatchesTest {

    @Test
    void the_first_piece_goes_alone_and_every_piece_arrives_in_order() {
        List<List<String>> batches = AnswerBatches.of(Flux.just("You ", "asked", ": ", "this")).collectList()
                .block(Duration.ofSeconds(5));

        assertThat(batches.getFirst()).containsExactly("You ");
        assertThat(String.join("", batches.stream().flatMap(List::stream).toList())).isEqualTo("You asked: this");
        // The pieces that arrive together after the first go in one batch, not one message each.
        assertThat(batches).hasSize(2);
    }

    @Test
    void an_empty_answer_sends_nothing() {
        assertThat(AnswerBatches.of(Flux.empty()).collectList().block(Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void a_failure_after_the_first_words_comes_after_them() {
        List<List<String>> received = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> AnswerBatches.of(Flux.concat(Flux.just("First"), Flux.error(new IllegalStateException("gone"))))
                .doOnNext(received::add).blockLast(Duration.ofSeconds(5)))
                .hasMessageContaining("gone");
        assertThat(received).containsExactly(List.of("First"));
    }

    @Test
    void stopping_the_answer_cancels_the_assistant() {
        AtomicBoolean cancelled = new AtomicBoolean();
        List<List<String>> received = new CopyOnWriteArrayList<>();

        Disposable generation = AnswerBatches.of(Flux.concat(Flux.just("First"), Flux.<String>never())
                .doOnCancel(() -> cancelled.set(true))).subscribe(received::add);
        generation.dispose();

        assertThat(received).containsExactly(List.of("First"));
        assertThat(cancelled).isTrue();
    }
}
