package com.chatshare.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How many signed-in people one node holds (issue 25), run by bench/ui-load.sh against the
 * production jar it started: {@code bench.url}, {@code bench.pid}. Creates the most people any
 * round needs ({@link ChatPerson#create}), then for each N of {@code bench.users} (default
 * 50,100,200) signs N of them in, each opening the chat list and their chat and sending a message
 * every 10 s for {@code bench.seconds} (default 300), and reports Send→first words and Send→whole
 * answer (p50/p95), errors, the app's heap after a full GC with the N sessions open, heap per
 * session against the heap before the round, and the app's and the driver's CPU.
 * This JVM is the driver; the app runs in its own. Not part of the test suite (tagged "bench").
 */
@Tag("bench")
class UiLoadBench {

    private static final long PERIOD_MILLIS = 10_000;
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final URI base = URI.create(System.getProperty("bench.url", "http://127.0.0.1:8080/"));
    private final long pid = Long.parseLong(System.getProperty("bench.pid", "0"));
    private final int seconds = Integer.getInteger("bench.seconds", 300);
    private final int[] rounds = Arrays.stream(System.getProperty("bench.users", "50,100,200").split(","))
            .mapToInt(Integer::parseInt).toArray();
    private final Path out = Path.of(System.getProperty("bench.out", "target/bench/ui-load.txt"));
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @Test
    void people_on_one_node() throws Exception {
        List<String> report = new ArrayList<>();
        report.add("UI load: %s, app pid %d, %d s per round, one message per person every %d s"
                .formatted(base, pid, seconds, PERIOD_MILLIS / 1000));
        int most = Arrays.stream(rounds).max().orElseThrow();
        List<ChatPerson> people = new ArrayList<>();
        for (int i = 1; i <= most; i++) {
            people.add(new ChatPerson(base, i, executor));
        }
        long created = System.nanoTime();
        forAll(people, 8, ChatPerson::create);
        report.add("%d people registered through the form, each with a first chat, in %.0f s"
                .formatted(most, (System.nanoTime() - created) / 1e9));
        log(report.getLast());
        report.add("");
        report.add("| N | sends | p50 first words | p95 first words | p50 whole | p95 whole | late sends | errors "
                + "| heap before | heap at N | heap per session | app CPU | driver CPU |");
        report.add("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        List<String> errorLines = new ArrayList<>();
        for (int n : rounds) {
            report.add(round(people.subList(0, n), errorLines));
            log(report.getLast());
            Files.createDirectories(out.getParent());
            Files.write(out, report);
        }
        report.add("");
        report.add("Heap: used after jcmd GC.run (G1, -Xmx2g). CPU: the app's process time from /proc/PID/stat "
                + "over the round, in cores of this 2-core machine; the driver shares them.");
        report.addAll(errorLines.stream().limit(40).toList());
        Files.write(out, report);
        report.forEach(UiLoadBench::log);
        executor.shutdownNow();
    }

    private String round(List<ChatPerson> people, List<String> errorLines) throws Exception {
        int n = people.size();
        long heapBefore = heapAfterGc();
        people.forEach(person -> {
            person.samples.clear();
            person.errors.clear();
        });
        long rampStart = System.nanoTime();
        // People arrive over the first seconds, at most 10 a second: 200 sign-ins within 10 s
        // (each a bcrypt check and several row-locking counter writes) took all 10 database
        // connections for over 3 s, and sign-ins failed (BENCHMARKS.md).
        long ramp = Math.max(PERIOD_MILLIS, n * 100L);
        List<ChatPerson> in = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> notIn = java.util.Collections.synchronizedList(new ArrayList<>());
        forAll(people, n, person -> {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ramp));
            try {
                person.signInAndOpenChat();
                in.add(person);
            } catch (Exception e) {
                // Counted as an error of the round; the others go on.
                notIn.add(person.username + " could not sign in and open the chat: " + e);
            }
        });
        log("round %d: %d signed in and in their chat after %.1f s".formatted(n, in.size(),
                (System.nanoTime() - rampStart) / 1e9));
        long appCpu0 = appCpuMillis();
        long driverCpu0 = driverCpuMillis();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<?>> talking = new ArrayList<>();
        for (ChatPerson person : in) {
            long firstDelay = ThreadLocalRandom.current().nextLong(PERIOD_MILLIS);
            talking.add(executor.submit(() -> {
                person.talkUntil(end, PERIOD_MILLIS, firstDelay);
                return null;
            }));
        }
        for (Future<?> each : talking) {
            each.get();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double appCores = (appCpuMillis() - appCpu0) / 1000.0 / wall;
        double driverCores = (driverCpuMillis() - driverCpu0) / 1000.0 / wall;
        in.forEach(ChatPerson::heartbeat);
        if (people.stream().anyMatch(p -> p.errors.stream().anyMatch(e -> e.startsWith("no whole answer")))) {
            // An answer that never ended: what the app's threads (virtual ones too) are doing.
            Path dump = out.resolveSibling("ui-load-threads-" + n + ".txt").toAbsolutePath();
            Files.deleteIfExists(dump);
            jcmd("Thread.dump_to_file", "-format=text", dump.toString());
        }
        long heapAtN = heapAfterGc();
        // What the sessions hold: the classes with the most bytes on the heap, with N sessions open.
        String histogram = jcmd("GC.class_histogram");
        Files.write(out.resolveSibling("ui-load-histogram-" + n + ".txt"), histogram.lines().limit(400).toList());
        if (Boolean.getBoolean("bench.heap-dump")) {
            // For finding what holds a session's bytes (an hprof file of the whole heap, live objects).
            Path dump = out.resolveSibling("ui-load-heap-" + n + ".hprof").toAbsolutePath();
            Files.deleteIfExists(dump);
            jcmd("GC.heap_dump", dump.toString());
        }
        forAll(in, 16, person -> person.signOut());

        List<ChatPerson.Sample> samples = people.stream().flatMap(p -> p.samples.stream()).toList();
        double[] first = samples.stream().mapToDouble(ChatPerson.Sample::firstWordsMs).filter(v -> v >= 0).sorted().toArray();
        double[] whole = samples.stream().mapToDouble(ChatPerson.Sample::wholeMs).filter(v -> v >= 0).sorted().toArray();
        long late = samples.stream().filter(ChatPerson.Sample::late).count();
        List<String> errors = new ArrayList<>(notIn);
        people.forEach(p -> errors.addAll(p.errors));
        errors.stream().limit(10).forEach(error -> errorLines.add("N=" + n + ": " + error));
        return "| %d | %d | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %d | %d | %.0f MB | %.0f MB | %.2f MB | %.2f cores | %.2f cores |"
                .formatted(n, samples.size(), percentile(first, 50), percentile(first, 95), percentile(whole, 50),
                        percentile(whole, 95), late, errors.size(), heapBefore / 1024.0, heapAtN / 1024.0,
                        (heapAtN - heapBefore) / 1024.0 / n, appCores, driverCores);
    }

    private interface PersonTask {
        void run(ChatPerson person) throws Exception;
    }

    /** Runs the task for everyone, at most {@code parallel} at a time; fails on the first failure. */
    private void forAll(List<ChatPerson> people, int parallel, PersonTask task) throws Exception {
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(parallel);
        List<Future<?>> futures = new ArrayList<>();
        for (ChatPerson person : people) {
            futures.add(executor.submit(() -> {
                slots.acquire();
                try {
                    task.run(person);
                } finally {
                    slots.release();
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** The app's heap in KB after a full GC (jcmd GC.run, then GC.heap_info). */
    private long heapAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        Thread.sleep(1000);
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IOException("no heap figure from jcmd");
        }
        return Long.parseLong(used.group(1));
    }

    private String jcmd(String... command) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        List<String> line = new ArrayList<>(List.of(java.resolveSibling("jcmd").toString(), String.valueOf(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }

    /** utime + stime of the app's process, in ms (clock ticks of 10 ms). */
    private long appCpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private static long driverCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    private static void log(String line) {
        System.out.println(String.format(Locale.ROOT, "[ui-load] %s", line));
    }
}
