package io.aide.e2e;

import io.aide.e2e.SseClients.Conn;
import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.Topics;
import io.aide.events.v1.Thought;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;

/**
 * {@code ./aide bench sse}: SSE load against the running stack, through the gateway as browsers use it, with events
 * produced straight into the generation events topic (tenant acme, as alice). Four measurements:
 * <ol>
 *   <li>storm: N streams opened at the same instant (a reconnect storm after a restart), how many are served, how fast,
 *   and the gateway's CPU time for them (with --gateway-pid);</li>
 *   <li>hold: N concurrent streams held, the gateway's resident memory growth per stream;</li>
 *   <li>latency: Kafka record (producer send) to SSE client, p50/p99, at R events/s over S streams;</li>
 *   <li>reconnects: clients cut and resume with Last-Event-ID while events flow; events lost or duplicated.</li>
 * </ol>
 * Options: --storm N (1000), --hold N (10000), --latency-streams N (1000), --keys N (100), --rate R (200),
 * --seconds S (30), --reconnects N (1000), --gateway-pid PID (for memory), --only storm,hold,latency,reconnects.
 */
public final class SseBenchmark {
    private final Map<String, String> options;
    private final SseClients clients;
    private final KafkaProducer<String, String> producer;
    private final StringBuilder report = new StringBuilder();

    private SseBenchmark(Map<String, String> options) throws IOException {
        this.options = options;
        this.clients = new SseClients(Stack.GATEWAY);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EventsTopic.bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        SseBenchmark bench = new SseBenchmark(options);
        try {
            bench.run();
        } finally {
            bench.clients.close();
            bench.producer.close(Duration.ofSeconds(5));
        }
        System.exit(0);
    }

    private void run() throws Exception {
        String only = options.getOrDefault("only", "storm,hold,latency,reconnects");
        line("SSE benchmark against %s (broker %s), %s, %d CPUs, load average %s", Stack.GATEWAY,
                EventsTopic.bootstrap(), Instant.now(), Runtime.getRuntime().availableProcessors(), loadAverage());
        warmUp();
        if (only.contains("storm")) {
            storm(intOption("storm", 1000));
        }
        if (only.contains("hold")) {
            hold(intOption("hold", 10_000));
        }
        if (only.contains("latency")) {
            latency(intOption("latency-streams", 1000), intOption("keys", 100), intOption("rate", 200),
                    intOption("seconds", 30));
        }
        if (only.contains("reconnects")) {
            reconnects(intOption("reconnects", 1000), intOption("rate", 200));
        }
        String out = options.get("out");
        if (out != null) {
            Files.writeString(Path.of(out), report.toString());
        }
    }

    /** A freshly started gateway compiles its hot paths first: streams opened and fed for a while, not measured. */
    private void warmUp() throws Exception {
        String token = Stack.token("alice", "alice");
        List<String> keys = List.of(Stack.newGenerationId(), Stack.newGenerationId());
        List<Conn> conns = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 100; i++) {
                conns.add(clients.open(token, keys.get(i % 2), -1, new Quiet() {
                }));
            }
            produce(keys, 200, 200, new AtomicLongArray(1), null, null);
            closeAll(conns);
            conns.clear();
        }
        line("warm-up done (500 streams opened and closed, 1,000 events streamed), load average %s", loadAverage());
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** N streams requested at the same instant; served = answered 200 and then held open. */
    private void storm(int n) throws InterruptedException {
        String token = Stack.token("alice", "alice");
        String key = Stack.newGenerationId();
        CountDownLatch answered = new CountDownLatch(n);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long[] answerNanos = new long[n];
        AtomicInteger index = new AtomicInteger();
        List<Conn> conns = new ArrayList<>(n);
        long pid = Long.parseLong(options.getOrDefault("gateway-pid", "-1"));
        long cpuBefore = cpuMillis(pid);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            conns.add(clients.open(token, key, -1, new Quiet() {
                @Override
                public void onStatus(Conn conn, int status) {
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    answerNanos[index.getAndIncrement()] = System.nanoTime() - start;
                    answered.countDown();
                }

                @Override
                public void onClosed(Conn conn) {
                    if (conn.status == 0) {
                        statuses.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
                        answered.countDown();
                    }
                }
            }));
        }
        boolean all = answered.await(120, TimeUnit.SECONDS);
        long cpuAfter = cpuMillis(pid);
        long[] times = Arrays.copyOf(answerNanos, index.get());
        Arrays.sort(times);
        int served = statuses.getOrDefault(200, new AtomicInteger()).get();
        result("storm: %d streams opened at once: %d served (200), other answers %s%s; answered p50 %.0f ms, p99 %.0f ms,"
                        + " last %.0f ms", n, served, others(statuses), all ? "" : ", some unanswered after 120 s",
                ms(percentile(times, 50)), ms(percentile(times, 99)), ms(times.length == 0 ? 0 : times[times.length - 1]));
        if (cpuBefore >= 0 && cpuAfter >= 0) {
            result("storm: the gateway used %d ms of CPU until the last answer (%.2f ms per stream)", cpuAfter - cpuBefore,
                    (cpuAfter - cpuBefore) / (double) n);
        }
        closeAll(conns);
    }

    /** Streams opened in paced batches and held; the gateway's RSS before and after. */
    private void hold(int n) throws Exception {
        String token = Stack.token("alice", "alice");
        long pid = Long.parseLong(options.getOrDefault("gateway-pid", "-1"));
        settle();
        long before = rssKb(pid);
        AtomicInteger open = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Conn> conns = new ArrayList<>(n);
        int batch = 500;
        for (int i = 0; i < n; i += batch) {
            String key = Stack.newGenerationId();
            for (int j = i; j < Math.min(n, i + batch); j++) {
                conns.add(clients.open(token, key, -1, new Quiet() {
                    @Override
                    public void onStatus(Conn conn, int status) {
                        (status == 200 ? open : refused).incrementAndGet();
                    }
                }));
            }
            int expected = Math.min(n, i + batch);
            waitUntil(Duration.ofSeconds(60), () -> open.get() + refused.get() >= expected);
        }
        settle();
        long stillOpen = conns.stream().filter(c -> !c.closed && c.status == 200).count();
        long after = rssKb(pid);
        if (pid > 0) {
            result("hold: %d streams requested, %d held open (%d refused); gateway RSS %d MB -> %d MB: %.1f KB per stream",
                    n, stillOpen, refused.get(), before / 1024, after / 1024,
                    stillOpen == 0 ? 0.0 : (after - before) / (double) stillOpen);
        } else {
            result("hold: %d streams requested, %d held open (%d refused); no --gateway-pid, memory not measured",
                    n, stillOpen, refused.get());
        }
        closeAll(conns);
    }

    /** Events produced at a fixed rate over K keys, S/K streams each; send-to-receive time of every delivery. */
    private void latency(int streams, int keys, int rate, int seconds) throws Exception {
        String token = Stack.token("alice", "alice");
        List<String> keyIds = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            keyIds.add(Stack.newGenerationId() + k);
        }
        int total = rate * (seconds + 5);
        AtomicLongArray sent = new AtomicLongArray(total);
        long[] latencies = new long[total * Math.max(1, streams / keys) + 16];
        AtomicInteger samples = new AtomicInteger();
        AtomicInteger open = new AtomicInteger();
        List<Conn> conns = new ArrayList<>();
        long warmup = rate * 5L;
        for (int s = 0; s < streams; s++) {
            conns.add(clients.open(token, keyIds.get(s % keys), -1, new Quiet() {
                @Override
                public void onStatus(Conn conn, int status) {
                    if (status == 200) {
                        open.incrementAndGet();
                    }
                }

                @Override
                public void onEvent(Conn conn, long id, String event, String data) {
                    long now = System.nanoTime();
                    int seq = sequence(data);
                    if (seq >= warmup && seq < total && sent.get(seq) > 0) {
                        int i = samples.getAndIncrement();
                        if (i < latencies.length) {
                            latencies[i] = now - sent.get(seq);
                        }
                    }
                }
            }));
        }
        waitUntil(Duration.ofSeconds(120), () -> open.get() >= streams);
        AtomicLongArray acked = new AtomicLongArray(total);
        produce(keyIds, rate, total, sent, null, acked);
        waitUntil(Duration.ofSeconds(10), () -> false);
        long[] ack = new long[total - (int) warmup];
        int acks = 0;
        for (int seq = (int) warmup; seq < total; seq++) {
            if (acked.get(seq) > 0) {
                ack[acks++] = acked.get(seq) - sent.get(seq);
            }
        }
        long[] ackSorted = Arrays.copyOf(ack, acks);
        Arrays.sort(ackSorted);
        int count = Math.min(samples.get(), latencies.length);
        long[] measured = Arrays.copyOf(latencies, count);
        Arrays.sort(measured);
        long expected = (total - warmup) * (streams / keys);
        result("latency: %d events/s over %d keys, %d streams open of %d, %d s measured after 5 s warm-up: %d of %d "
                        + "deliveries; Kafka send -> SSE client p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; of which "
                        + "send -> broker acknowledgement (acks=all) p50 %.1f ms, p99 %.1f ms",
                rate, keys, open.get(), streams, seconds, count, expected, ms(percentile(measured, 50)),
                ms(percentile(measured, 90)), ms(percentile(measured, 99)),
                ms(count == 0 ? 0 : measured[count - 1]), ms(percentile(ackSorted, 50)), ms(percentile(ackSorted, 99)));
        closeAll(conns);
    }

    /** Clients cut at random moments and resumed with Last-Event-ID while events flow; then every id compared. */
    private void reconnects(int reconnects, int rate) throws Exception {
        String token = Stack.token("alice", "alice");
        int clientsCount = 100;
        List<String> keyIds = new ArrayList<>();
        Map<String, List<Long>> produced = new ConcurrentHashMap<>();
        Map<String, List<Long>> received = new ConcurrentHashMap<>();
        Map<String, Conn> current = new ConcurrentHashMap<>();
        for (int k = 0; k < clientsCount; k++) {
            String key = Stack.newGenerationId() + k;
            keyIds.add(key);
            produced.put(key, Collections.synchronizedList(new ArrayList<>()));
            received.put(key, Collections.synchronizedList(new ArrayList<>()));
        }
        AtomicInteger refused = new AtomicInteger();
        AtomicLong cut = new AtomicLong();
        AtomicBoolean finishing = new AtomicBoolean();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        var listener = new Quiet() {
            @Override
            public void onStatus(Conn conn, int status) {
                if (status != 200) {
                    refused.incrementAndGet();
                }
            }

            @Override
            public void onEvent(Conn conn, long id, String event, String data) {
                if (id >= 0) {
                    received.get(conn.key).add(id);
                }
            }

            @Override
            public void onClosed(Conn conn) {
                // every cut (or refusal) resumes after the last id this client saw
                if (!finishing.get()) {
                    long last = conn.lastId;
                    timer.schedule(() -> cutLater(clients.open(token, conn.key, last, this)),
                            conn.status == 200 ? 0 : 1000, TimeUnit.MILLISECONDS);
                }
            }

            void cutLater(Conn conn) {
                current.put(conn.key, conn);
                timer.schedule(() -> {
                    if (cut.incrementAndGet() <= reconnects) {
                        clients.abort(conn);
                    } else {
                        cut.decrementAndGet();
                    }
                }, ThreadLocalRandom.current().nextInt(100, 1500), TimeUnit.MILLISECONDS);
            }
        };
        for (String key : keyIds) {
            listener.cutLater(clients.open(token, key, -1, listener));
        }
        AtomicLongArray ignored = new AtomicLongArray(1);
        long started = System.nanoTime();
        while (cut.get() < reconnects && System.nanoTime() - started < TimeUnit.MINUTES.toNanos(10)) {
            produce(keyIds, rate, rate, ignored, produced, null);
        }
        producer.flush();
        long elapsed = (System.nanoTime() - started) / 1_000_000_000L;
        // the streams stay open after the last cut: wait until each saw its key's last offset
        waitUntil(Duration.ofSeconds(60), () -> keyIds.stream().allMatch(k ->
                lastOf(produced.get(k)) <= lastOf(received.get(k))));
        long lost = 0;
        long duplicated = 0;
        long total = 0;
        for (String key : keyIds) {
            List<Long> p;
            List<Long> r;
            synchronized (produced.get(key)) {
                p = new ArrayList<>(produced.get(key));
            }
            synchronized (received.get(key)) {
                r = new ArrayList<>(received.get(key));
            }
            java.util.Set<Long> seen = new java.util.HashSet<>(r);
            total += p.size();
            lost += p.stream().filter(o -> !seen.contains(o)).count();
            duplicated += r.size() - seen.size();
        }
        finishing.set(true);
        timer.shutdownNow();
        result("reconnects: %d clients, %d forced reconnects with Last-Event-ID over %d s at %d events/s: %d events "
                        + "produced, %d lost, %d duplicated (%d reopen answers other than 200)", clientsCount,
                Math.min(cut.get(), reconnects), elapsed, rate, total, lost, duplicated, refused.get());
        closeAll(new ArrayList<>(current.values()));
    }

    /** Sends {@code count} Thought events at {@code rate} per second, round-robin over the keys. */
    private void produce(List<String> keys, int rate, int count, AtomicLongArray sent,
                         Map<String, List<Long>> offsets, AtomicLongArray acked) throws InterruptedException {
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        for (int seq = 0; seq < count; seq++) {
            long due = start + seq * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String key = keys.get(seq % keys.size());
            Envelope envelope = Envelope.of("acme", "bench", key, new Thought("seq=" + seq));
            if (seq < sent.length()) {
                sent.set(seq, System.nanoTime());
            }
            int sequence = seq;
            producer.send(new ProducerRecord<>(Topics.GENERATION_EVENTS, key, EventJson.toJson(envelope)),
                    (metadata, e) -> {
                        if (e == null && offsets != null) {
                            offsets.get(key).add(metadata.offset());
                        }
                        if (e == null && acked != null && sequence < acked.length()) {
                            acked.set(sequence, System.nanoTime());
                        }
                    });
        }
    }

    private static int sequence(String data) {
        int at = data.indexOf("seq=");
        if (at < 0) {
            return -1;
        }
        int end = at + 4;
        while (end < data.length() && Character.isDigit(data.charAt(end))) {
            end++;
        }
        return Integer.parseInt(data.substring(at + 4, end));
    }

    private static long lastOf(List<Long> ids) {
        synchronized (ids) {
            return ids.isEmpty() ? -1 : ids.get(ids.size() - 1);
        }
    }

    private void closeAll(List<Conn> conns) {
        conns.forEach(clients::abort);
        waitUntil(Duration.ofSeconds(30), () -> conns.stream().allMatch(c -> c.closed));
        settle();
    }

    /** Lets the gateway finish closing and collecting before the next measurement. */
    private static void settle() {
        waitUntil(Duration.ofSeconds(5), () -> false);
    }

    private static void waitUntil(Duration atMost, BooleanSupplier condition) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * CPU time (user and system, milliseconds) the gateway process has used so far, from /proc; -1 without its pid.
     * What a measurement cost the gateway, whatever else the machine was busy with.
     */
    private static long cpuMillis(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after the command: state is 0, so utime (14th of the line) is 11 and stime 12; ticks of 10 ms
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long rssKb(long pid) throws IOException {
        if (pid <= 0) {
            return 0;
        }
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String others(Map<Integer, AtomicInteger> statuses) {
        StringBuilder out = new StringBuilder();
        statuses.forEach((status, count) -> {
            if (status != 200) {
                out.append(out.isEmpty() ? "" : ", ").append(status == -1 ? "no answer" : status).append(": ")
                        .append(count.get());
            }
        });
        return out.isEmpty() ? "none" : out.toString();
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }

    /** A measurement, with the machine's load average when it was taken. */
    private void result(String format, Object... args) {
        line(format + " [load average %s]", append(args, loadAverage()));
    }

    private static Object[] append(Object[] args, Object last) {
        Object[] out = Arrays.copyOf(args, args.length + 1);
        out[args.length] = last;
        return out;
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }

    /** A listener that ignores what it is not told to count. */
    private abstract static class Quiet implements SseClients.Listener {
        @Override
        public void onStatus(Conn conn, int status) {
        }

        @Override
        public void onEvent(Conn conn, long id, String event, String data) {
        }

        @Override
        public void onClosed(Conn conn) {
        }
    }
}
