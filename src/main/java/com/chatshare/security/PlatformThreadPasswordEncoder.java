package com.chatshare.security;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes and checks passwords on a few platform threads of their own, not on the request's
 * virtual thread. Requests run on virtual threads, which share as many carrier threads as there
 * are cores and are not preempted: a bcrypt check holds its carrier for its whole 0.1 s of CPU.
 * In a burst of sign-ins (a node's people signing in again after a fail-over) the carriers were
 * all busy hashing, so the threads that were handed a database connection were not run to take
 * it: Hikari timed them out after 3 s with connections idle ({@code active=8, idle=2,
 * waiting=25}), and sign-ins and chat lists failed (BENCHMARKS.md, "How many people one node
 * holds"). Here the operating system shares the cores between the hashing threads and the
 * carriers, the request's virtual thread waits without holding a carrier, and at most one hash
 * per core runs at a time (more would only wait longer).
 */
final class PlatformThreadPasswordEncoder implements PasswordEncoder, DisposableBean {

    private final PasswordEncoder delegate;
    private final ExecutorService hashing;

    PlatformThreadPasswordEncoder(PasswordEncoder delegate) {
        this(delegate, Runtime.getRuntime().availableProcessors());
    }

    PlatformThreadPasswordEncoder(PasswordEncoder delegate, int threads) {
        this.delegate = delegate;
        AtomicInteger count = new AtomicInteger();
        this.hashing = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "password-hashing-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return onHashingThread(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return onHashingThread(() -> delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private <T> T onHashingThread(Callable<T> work) {
        Future<T> result = hashing.submit(work);
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while a password was being checked", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Checks already asked for still get their answer; the threads end once the queue is empty. */
    @Override
    public void destroy() {
        hashing.shutdown();
    }
}
