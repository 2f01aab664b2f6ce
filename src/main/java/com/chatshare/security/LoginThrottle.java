package com.chatshare.security;

import com.chatshare.ratelimit.CounterKey;
import com.chatshare.ratelimit.Counters;
import com.chatshare.ratelimit.SharedCounters;
import com.chatshare.ratelimit.WindowCounter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Counts failed password checks — sign-ins, and the password asked again before deleting an
 * account or changing a password — and refuses checks that would let someone keep guessing.
 * Three limits:
 * <ul>
 * <li><b>Per account</b>: {@link #MAX_FAILURES} failures for one username within {@link #WINDOW}
 * lock it for {@link #LOCKOUT} — for the addresses that failed on it within the window before,
 * and for every address that fails on it while it is locked. An address with no failure on it
 * still gets its password checked, so nobody can keep the owner out by failing on purpose.
 * Usernames are counted in their canonical form ({@link Usernames}), the same key sign-in looks
 * up, so no other spelling gets fresh guesses; unknown usernames are counted and locked alike.</li>
 * <li><b>Per address</b>: {@link #ADDRESS_MAX_FAILURES} failures from one address (an IPv6
 * address counts by its /64 network) within {@link #ADDRESS_WINDOW}, over any usernames, refuse
 * every check from it for {@link #ADDRESS_LOCKOUT}: one address cannot spray a password over
 * many accounts. A success does not clear this count.</li>
 * <li><b>Globally</b>: past {@link #GLOBAL_MAX_FAILURES_PER_MINUTE} failures a minute, every
 * check waits {@link #GLOBAL_SLOWDOWN} first. That slows an attack from many addresses without
 * locking anyone out.</li>
 * </ul>
 * A refused check answers the same whether the account exists, is disabled or the password is
 * right.
 *
 * <p>The counts are {@link SharedCounters} in the database, so every node counts against the same
 * limits. A check is counted as a failure when it begins ({@link #tryBegin}) and given back when
 * the password was right: with the counters locked while it is counted, a burst of parallel
 * guesses on any number of nodes gets no more password checks than the limits allow.
 */
@Component
public class LoginThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    public static final int ADDRESS_MAX_FAILURES = 20;
    public static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);
    public static final Duration ADDRESS_LOCKOUT = Duration.ofMinutes(15);

    public static final int GLOBAL_MAX_FAILURES_PER_MINUTE = 1_000;
    public static final Duration GLOBAL_SLOWDOWN = Duration.ofSeconds(1);

    /** The counters' scopes in the shared table. */
    static final String BY_USERNAME = "sign-in failures by username";
    static final String BY_ADDRESS = "sign-in failures by address";
    static final String BY_USERNAME_FROM_ADDRESS = "sign-in failures by username+address";
    static final String EVERYWHERE = "sign-in failures everywhere";
    /**
     * The global count is spread over this many rows, each failure counted in one at random: one
     * row would make every failure in the cluster wait for the one before it during an attack.
     */
    static final int EVERYWHERE_ROWS = 8;
    private static final List<CounterKey> EVERYWHERE_KEYS = IntStream.range(0, EVERYWHERE_ROWS)
            .mapToObj(row -> new CounterKey(EVERYWHERE, Integer.toString(row), Duration.ofMinutes(1))).toList();

    private final SharedCounters counters;
    private final Consumer<Duration> sleeper;
    private final Counter usernameLockouts;
    private final Counter addressLockouts;

    @Autowired
    public LoginThrottle(SharedCounters counters, MeterRegistry meters) {
        this(counters, LoginThrottle::sleep, meters);
    }

    LoginThrottle(SharedCounters counters, Consumer<Duration> sleeper) {
        this(counters, sleeper, new SimpleMeterRegistry());
    }

    private LoginThrottle(SharedCounters counters, Consumer<Duration> sleeper, MeterRegistry meters) {
        this.counters = counters;
        this.sleeper = sleeper;
        this.usernameLockouts = lockouts(meters, "username");
        this.addressLockouts = lockouts(meters, "address");
    }

    private static Counter lockouts(MeterRegistry meters, String kind) {
        return Counter.builder("chatshare.signin.lockouts")
                .description("Lockouts begun by the sign-in throttle (a username, or an address), on this node")
                .tag("kind", kind).register(meters);
    }

    /**
     * Checks a password under all three limits: waits when the global limit says so, refuses
     * without looking at the password when the username or the address is locked, and counts the
     * outcome.
     *
     * @param address the client's address ({@link ClientAddress}), or null when there is no
     *        request (in-process calls): a locked username is then refused, and no address is counted
     * @return whether the password matched
     * @throws LoginThrottledException when the check is refused
     */
    public boolean check(String username, @Nullable InetAddress address, BooleanSupplier passwordMatches) {
        awaitTurn();
        Attempt attempt = tryBegin(username, address).orElseThrow(LoginThrottledException::new);
        boolean matches;
        try {
            matches = passwordMatches.getAsBoolean();
        } catch (RuntimeException | Error e) {
            attempt.abandoned();
            throw e;
        }
        if (matches) {
            attempt.succeeded();
        } else {
            attempt.failed();
        }
        return matches;
    }

    /** Waits {@link #GLOBAL_SLOWDOWN} while failures everywhere run above the global limit. */
    public void awaitTurn() {
        Counters everywhere = counters.read(EVERYWHERE_KEYS);
        long failures = EVERYWHERE_KEYS.stream().mapToLong(key -> everywhere.get(key).count()).sum();
        if (failures >= GLOBAL_MAX_FAILURES_PER_MINUTE) {
            sleeper.accept(GLOBAL_SLOWDOWN);
        }
    }

    /**
     * Begins a password check: refused (empty) when a limit says so, otherwise counted as a
     * failure until the attempt says how it ended. The caller checks the password only with an
     * attempt in hand, and then ends it exactly once.
     */
    public Optional<Attempt> tryBegin(String username, InetAddress address) {
        Keys keys = Keys.of(username, address);
        // A refusal needs no lock and writes nothing: what an attack mostly gets is cheap.
        if (refuses(counters.read(keys.all()), keys)) {
            return Optional.empty();
        }
        return counters.compute(keys.all(), locked -> {
            if (refuses(locked, keys)) {
                return Optional.<Attempt>empty();
            }
            keys.all().forEach(key -> locked.get(key).add(1));
            return Optional.of(new Attempt(keys, locked.now()));
        });
    }

    /** Whether a password check for this username from this address is refused right now. */
    public boolean refuses(String username, InetAddress address) {
        Keys keys = Keys.of(username, address);
        return refuses(counters.read(keys.all()), keys);
    }

    /** Counts a failed password check that did not go through {@link #tryBegin}. */
    public void recordFailure(String username, InetAddress address) {
        Keys keys = Keys.of(username, address);
        countLockouts(counters.compute(keys.all(), locked -> {
            keys.all().forEach(key -> locked.get(key).add(1));
            return settleFailure(locked, keys);
        }));
        countFailureEverywhere();
    }

    /**
     * Forgets this address's failures on the username: it knows the password. Failures from
     * other addresses, a lockout in force and the address's own count all stay.
     */
    public void recordSuccess(String username, InetAddress address) {
        Keys keys = Keys.of(username, address);
        if (keys.fromAddress() != null) {
            counters.update(List.of(keys.username(), keys.fromAddress()), locked -> forgetFailuresFromAddress(locked, keys));
        }
    }

    private static boolean refuses(Counters counters, Keys keys) {
        if (keys.address() != null) {
            WindowCounter address = counters.get(keys.address());
            if (address.isLocked() || address.count() >= ADDRESS_MAX_FAILURES) {
                return true;
            }
        }
        WindowCounter username = counters.get(keys.username());
        if (keys.fromAddress() == null) {
            // Without an address nobody can tell the owner from the guesser.
            return username.isLocked() || username.count() >= MAX_FAILURES;
        }
        WindowCounter fromAddress = counters.get(keys.fromAddress());
        boolean lockedOut = username.lockedAt()
                .flatMap(locked -> fromAddress.markedAt().filter(failed -> !failed.isBefore(locked.minus(WINDOW))))
                .isPresent();
        // The limit's worth of failures, this address's among them, some still being checked:
        // the lock comes when they fail, and no further guess goes ahead of it.
        boolean atLimit = username.count() >= MAX_FAILURES && fromAddress.count() > 0;
        return lockedOut || atLimit;
    }

    /** What a settled failure locked. */
    private record Lockouts(boolean username, boolean address) {
    }

    private void countLockouts(Lockouts lockouts) {
        if (lockouts.username()) {
            usernameLockouts.increment();
        }
        if (lockouts.address()) {
            addressLockouts.increment();
        }
    }

    private static Lockouts settleFailure(Counters counters, Keys keys) {
        boolean addressLocked = false;
        if (keys.address() != null) {
            WindowCounter address = counters.get(keys.address());
            if (!address.isLocked() && address.count() >= ADDRESS_MAX_FAILURES) {
                address.lock(ADDRESS_LOCKOUT);
                address.reset();
                addressLocked = true;
            }
            // Kept while a lock that this failure counts towards can last.
            counters.get(keys.fromAddress()).mark(WINDOW.plus(LOCKOUT));
        }
        WindowCounter username = counters.get(keys.username());
        boolean usernameLocked = !username.isLocked() && username.count() >= MAX_FAILURES;
        if (usernameLocked) {
            username.lock(LOCKOUT);
        }
        return new Lockouts(usernameLocked, addressLocked);
    }

    private static void forgetFailuresFromAddress(Counters counters, Keys keys) {
        WindowCounter fromAddress = counters.get(keys.fromAddress());
        counters.get(keys.username()).removeHitsOf(fromAddress);
        fromAddress.delete();
    }

    /** In a transaction of its own where there is none: the busiest row is locked only briefly. */
    private void countFailureEverywhere() {
        CounterKey row = EVERYWHERE_KEYS.get(ThreadLocalRandom.current().nextInt(EVERYWHERE_ROWS));
        counters.update(List.of(row), locked -> locked.get(row).add(1));
    }

    /**
     * A password check under way, counted as a failure from {@link #tryBegin} on; ends once, as
     * {@link #succeeded}, {@link #failed} or {@link #abandoned}.
     */
    public final class Attempt {

        private final Keys keys;
        private final Instant begunAt;
        private boolean ended;

        private Attempt(Keys keys, Instant begunAt) {
            this.keys = keys;
            this.begunAt = begunAt;
        }

        /** The password was right: this check is no failure, and the address's failures on the username are forgotten. */
        public void succeeded() {
            end();
            counters.update(keys.all(), locked -> {
                if (keys.address() != null) {
                    locked.get(keys.address()).remove(1, begunAt);
                    forgetFailuresFromAddress(locked, keys);
                } else {
                    locked.get(keys.username()).remove(1, begunAt);
                }
            });
        }

        /** The password was wrong (or the account unknown or disabled): counted, and locks what reached its limit. */
        public void failed() {
            end();
            countLockouts(counters.compute(keys.all(), locked -> settleFailure(locked, keys)));
            countFailureEverywhere();
        }

        /**
         * The check ended without an answer (an error): given back. Should that fail too, the
         * check stays counted as a failure, which errs on the safe side.
         */
        public void abandoned() {
            end();
            try {
                counters.update(keys.all(), locked -> keys.all().forEach(key -> locked.get(key).remove(1, begunAt)));
            } catch (DataAccessException e) {
                // Left counted; the error that ended the check is what the caller reports.
            }
        }

        private void end() {
            if (ended) {
                throw new IllegalStateException("a password check ends once");
            }
            ended = true;
        }
    }

    /** The counters one check touches: the username's, the address's and the username's from that address. */
    private record Keys(CounterKey username, CounterKey address, CounterKey fromAddress) {

        static Keys of(String username, InetAddress address) {
            String name = usernameKey(username);
            String from = address == null ? null : ClientAddress.rateLimitKey(address);
            return new Keys(new CounterKey(BY_USERNAME, name, WINDOW),
                    from == null ? null : new CounterKey(BY_ADDRESS, from, ADDRESS_WINDOW),
                    from == null ? null : new CounterKey(BY_USERNAME_FROM_ADDRESS, name + "\u0000" + from, WINDOW));
        }

        List<CounterKey> all() {
            List<CounterKey> all = new ArrayList<>(3);
            all.add(username);
            if (address != null) {
                all.add(address);
                all.add(fromAddress);
            }
            return all;
        }
    }

    static String usernameKey(String username) {
        return Usernames.canonical(username);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
