package com.chatshare.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing leaves the requests' virtual threads, and still answers exactly as bcrypt does. */
class PlatformThreadPasswordEncoderTest {

    @Test
    void a_virtual_threads_check_runs_on_a_platform_thread_and_gets_bcrypts_answer() throws Exception {
        ConcurrentLinkedQueue<Thread> ranOn = new ConcurrentLinkedQueue<>();
        PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        PasswordEncoder recording = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                ranOn.add(Thread.currentThread());
                return bcrypt.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                ranOn.add(Thread.currentThread());
                return bcrypt.matches(raw, encoded);
            }
        };
        PlatformThreadPasswordEncoder encoder = new PlatformThreadPasswordEncoder(recording, 2);
        try {
            boolean[] answers = new boolean[2];
            String[] hash = new String[1];
            Thread request = Thread.ofVirtual().start(() -> {
                hash[0] = encoder.encode("correct horse");
                answers[0] = encoder.matches("correct horse", hash[0]);
                answers[1] = encoder.matches("wrong horse", hash[0]);
            });
            request.join();

            assertThat(hash[0]).startsWith("{bcrypt}");
            assertThat(answers).containsExactly(true, false);
            assertThat(ranOn).hasSize(3).allSatisfy(thread -> {
                assertThat(thread.isVirtual()).isFalse();
                assertThat(thread.getName()).startsWith("password-hashing-");
            });
        } finally {
            encoder.destroy();
        }
    }

    @Test
    void at_most_the_given_number_of_hashes_run_at_once_and_a_failure_reaches_the_caller() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        PasswordEncoder slow = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                throw new IllegalArgumentException("no such encoding");
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.decrementAndGet();
                }
                return true;
            }
        };
        PlatformThreadPasswordEncoder encoder = new PlatformThreadPasswordEncoder(slow, 2);
        try {
            List<Thread> requests = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                requests.add(Thread.ofVirtual().start(() -> encoder.matches("x", "y")));
            }
            for (Thread request : requests) {
                request.join();
            }
            assertThat(most.get()).isBetween(1, 2);
            assertThatThrownBy(() -> encoder.encode("x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no such encoding");
        } finally {
            encoder.destroy();
        }
    }
}
