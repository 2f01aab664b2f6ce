package com.chatshare.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts failed password checks — sign-ins, and the password asked again before deleting an
 * account or changing a password — and refuses checks that would let someone keep guessing.
 * Three limits:
 * <ul>
 * <li><b>Per account</b>: {@link #MAX_FAILURES} failures for one username within {@link #WINDOW}
 * lock it for {@link #LOCKOUT} — for the addresses those failures came from, and for every
 * address that fails on it while it is locked. An address with no failure on it still gets its
 * password checked, so nobody can keep the owner out by failing on purpose. Usernames are
 * counted in their canonical form ({@link Usernames}), the same key sign-in looks up, so no other
 * spelling gets fresh guesses; unknown usernames are counted and locked alike.</li>
 * <li><b>Per address</b>: {@link #ADDRESS_MAX_FAILURES} failures from one address (an IPv6
 * address counts by its /64 network) within {@link #ADDRESS_WINDOW}, over any usernames, refuse
 * every check from it for {@link #ADDRESS_LOCKOUT}: one address cannot spray a password over
 * many accounts. A success does not clear this count.</li>
 * <li><b>Globally</b>: past {@link #GLOBAL_MAX_FAILURES_PER_MINUTE} failures a minute, every
 * check waits {@link #GLOBAL_SLOWDOWN} first. That slows an attack from many addresses without
 * locking anyone out.</li>
 * </ul>
 * A refused check answers the same whether the account exists, is disabled or the password is
 * right. The counts live in this node's memory, in bounded caches; with several nodes each node
 * counts on its own.
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

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private static final int MAX_TRACKED_USERNAMES = 100_000;
    private static final int MAX_TRACKED_ADDRESSES = 100_000;
    /** Beyond this many addresses failing on one locked account, the others are not remembered. */
    static final int MAX_LOCKED_OUT_ADDRESSES_PER_USERNAME = 100;

    private final Clock clock;
    private final Consumer<Duration> sleeper;
    private final Cache<String, UsernameFailures> usernames = Caffeine.newBuilder()
            .maximumSize(MAX_TRACKED_USERNAMES)
            .expireAfterAccess(WINDOW.plus(LOCKOUT))
            .build();
    private final Cache<String, AddressFailures> addresses = Caffeine.newBuilder()
            .maximumSize(MAX_TRACKED_ADDRESSES)
            .expireAfterAccess(ADDRESS_WINDOW.plus(ADDRESS_LOCKOUT))
            .build();
    private final RecentFailures recent = new RecentFailures(GLOBAL_MAX_FAILURES_PER_MINUTE);

    /** The locks that keep checks of one address or one username from running side by side. */
    private final Cache<String, ReentrantLock> checkLocks = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(5)).build();

    @Autowired
    public LoginThrottle(Clock clock) {
        this(clock, LoginThrottle::sleep);
    }

    LoginThrottle(Clock clock, Consumer<Duration> sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Checks a password under all three limits: waits when the global limit says so, refuses
     * without looking at the password when the username or the address is locked, and counts the
     * outcome.
     *
     * @param address the client's address, or null when there is no request (in-process calls);
     *        a locked username is then refused, and no address is counted
     * @return whether the password matched
     * @throws LoginThrottledException when the check is refused
     */
    public boolean check(String username, String address, BooleanSupplier passwordMatches) {
        awaitTurn();
        // One check at a time per address and per username: otherwise a burst of parallel guesses
        // all pass the "refused?" test before the first failure is counted. Address first, then
        // username, always in this order, so two checks never wait for each other in a circle.
        String from = addressKey(address);
        ReentrantLock byAddress = from == null ? null : checkLocks.get("address:" + from, k -> new ReentrantLock());
        ReentrantLock byUsername = checkLocks.get("username:" + usernameKey(username), k -> new ReentrantLock());
        if (byAddress != null) {
            byAddress.lock();
        }
        byUsername.lock();
        try {
            if (refuses(username, address)) {
                throw new LoginThrottledException();
            }
            boolean matches = passwordMatches.getAsBoolean();
            if (matches) {
                recordSuccess(username, address);
            } else {
                recordFailure(username, address);
            }
            return matches;
        } finally {
            byUsername.unlock();
            if (byAddress != null) {
                byAddress.unlock();
            }
        }
    }

    /** Waits {@link #GLOBAL_SLOWDOWN} while failures everywhere run above the global limit. */
    public void awaitTurn() {
        if (recent.busy(clock.instant())) {
            sleeper.accept(GLOBAL_SLOWDOWN);
        }
    }

    /** Whether a password check for this username from this address is refused right now. */
    public boolean refuses(String username, String address) {
        Instant now = clock.instant();
        String from = addressKey(address);
        if (from != null) {
            AddressFailures failures = addresses.getIfPresent(from);
            if (failures != null && failures.isLocked(now)) {
                return true;
            }
        }
        UsernameFailures failures = usernames.getIfPresent(usernameKey(username));
        return failures != null && failures.refuses(from, now);
    }

    public void recordFailure(String username, String address) {
        Instant now = clock.instant();
        String from = addressKey(address);
        usernames.asMap().computeIfAbsent(usernameKey(username), k -> new UsernameFailures()).fail(from, now);
        if (from != null) {
            addresses.asMap().computeIfAbsent(from, k -> new AddressFailures()).fail(now);
        }
        recent.add(now);
    }

    /**
     * Forgets this address's failures on the username: it knows the password. Failures from
     * other addresses, a lockout in force and the address's own count all stay.
     */
    public void recordSuccess(String username, String address) {
        UsernameFailures failures = usernames.getIfPresent(usernameKey(username));
        if (failures != null) {
            failures.succeed(addressKey(address));
        }
    }

    static String usernameKey(String username) {
        return Usernames.canonical(username);
    }

    /** The address as counted: IPv6 by its /64 network, which one client usually has whole. */
    public static String addressKey(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String literal = address.strip();
        if (IPV4.matcher(literal).matches() || IPV6.matcher(literal).matches()) {
            try {
                // A literal of these shapes is parsed, never looked up in DNS.
                InetAddress parsed = InetAddress.getByName(literal);
                if (parsed instanceof Inet6Address) {
                    byte[] network = Arrays.copyOf(parsed.getAddress(), 16);
                    Arrays.fill(network, 8, 16, (byte) 0);
                    return InetAddress.getByAddress(network).getHostAddress() + "/64";
                }
                return parsed.getHostAddress();
            } catch (UnknownHostException e) {
                // Not an address after all: counted as it is.
            }
        }
        return literal.length() > 64 ? literal.substring(0, 64) : literal;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Failure(Instant at, String address) {
    }

    private static final class UsernameFailures {

        private final Deque<Failure> failures = new ArrayDeque<>();
        private final Set<String> lockedOut = new HashSet<>();
        private Instant lockedUntil = Instant.MIN;

        synchronized void fail(String address, Instant now) {
            if (isLocked(now)) {
                lockOut(address);
                return;
            }
            Instant windowStart = now.minus(WINDOW);
            while (!failures.isEmpty() && failures.peekFirst().at().isBefore(windowStart)) {
                failures.removeFirst();
            }
            failures.addLast(new Failure(now, address));
            if (failures.size() >= MAX_FAILURES) {
                lockedUntil = now.plus(LOCKOUT);
                lockedOut.clear();
                failures.forEach(failure -> lockOut(failure.address()));
                failures.clear();
            }
        }

        private void lockOut(String address) {
            if (address != null && lockedOut.size() < MAX_LOCKED_OUT_ADDRESSES_PER_USERNAME) {
                lockedOut.add(address);
            }
        }

        synchronized boolean refuses(String address, Instant now) {
            // Without an address nobody can tell the owner from the guesser: refused while locked.
            return isLocked(now) && (address == null || lockedOut.contains(address));
        }

        synchronized void succeed(String address) {
            failures.removeIf(failure -> Objects.equals(failure.address(), address));
        }

        private boolean isLocked(Instant now) {
            return now.isBefore(lockedUntil);
        }
    }

    private static final class AddressFailures {

        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant lockedUntil = Instant.MIN;

        synchronized void fail(Instant now) {
            if (isLocked(now)) {
                return;
            }
            Instant windowStart = now.minus(ADDRESS_WINDOW);
            while (!failures.isEmpty() && failures.peekFirst().isBefore(windowStart)) {
                failures.removeFirst();
            }
            failures.addLast(now);
            if (failures.size() >= ADDRESS_MAX_FAILURES) {
                lockedUntil = now.plus(ADDRESS_LOCKOUT);
                failures.clear();
            }
        }

        synchronized boolean isLocked(Instant now) {
            return now.isBefore(lockedUntil);
        }
    }

    /** The times of the last {@code capacity} failures anywhere, oldest overwritten first. */
    private static final class RecentFailures {

        private final Instant[] times;
        private int next;

        RecentFailures(int capacity) {
            times = new Instant[capacity];
        }

        synchronized void add(Instant now) {
            times[next] = now;
            next = (next + 1) % times.length;
        }

        /** Whether the limit's worth of failures all happened within the last minute. */
        synchronized boolean busy(Instant now) {
            Instant oldest = times[next];
            return oldest != null && oldest.isAfter(now.minus(Duration.ofMinutes(1)));
        }
    }
}
