package org.factdesk.capture;

import com.sun.net.httpserver.HttpServer;
import org.factdesk.outbound.OutboundClient;
import org.factdesk.outbound.TargetGuard;
import org.flywaydb.core.Flyway;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A benchmark, not a test (bench/captures.sh runs it): how many captures of a typical article page a
 * second the recorder and the store make, and the time and the heap a 50 MB page takes, recorded from
 * a local site on loopback and stored in a database of its own on the PostgreSQL at 127.0.0.1:5432.
 * Each figure is measured over several runs and printed with its range.
 */
public final class CaptureBenchmark {

    static final int RUNS = 5;
    static final int ARTICLE_IMAGES = 12;
    static final int IMAGE_BYTES = 80 * 1024;
    static final int BIG_IMAGES = 20;
    static final int BIG_IMAGE_BYTES = 2_500_000; // 20 × 2.5 MB: a 50 MB capture

    public static void main(String[] args) throws Exception {
        String admin = System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/postgres");
        try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS factdesk_bench_captures");
            s.execute("CREATE DATABASE factdesk_bench_captures");
        }
        String url = admin.replace("/postgres", "/factdesk_bench_captures");
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load().migrate();

        Random random = new Random(18);
        byte[] image = new byte[IMAGE_BYTES];
        byte[] big = new byte[BIG_IMAGE_BYTES];
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            if (path.startsWith("/article")) {
                body = page(path.startsWith("/article-big") ? "big" : "img", path.startsWith("/article-big") ? BIG_IMAGES
                        : ARTICLE_IMAGES).getBytes(StandardCharsets.UTF_8);
                type = "text/html; charset=utf-8";
            } else {
                // Random bytes, so that gzip cannot shrink them: the worst case for the WARC's size.
                body = path.startsWith("/big") ? big : image;
                synchronized (random) {
                    random.nextBytes(body);
                }
                type = "image/jpeg";
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        ExecutorService siteThreads = Executors.newFixedThreadPool(4);
        site.setExecutor(siteThreads);
        site.start();
        String base = "http://127.0.0.1:" + site.getAddress().getPort();
        OutboundClient client = new OutboundClient(new TargetGuard(host -> new InetAddress[]{InetAddress.getByName(host)},
                a -> java.util.Optional.empty()), null);
        PageRecorder recorder = new PageRecorder(client);

        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            // Warm-up, unmeasured.
            for (int i = 0; i < 10; i++) {
                captureAndStore(recorder, db, base + "/article-" + i);
            }
            List<Double> perSecond = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                perSecond.add(throughput(recorder, url, base, run, 40, 2));
            }
            List<Double> seconds = new ArrayList<>();
            List<Double> heapMb = new ArrayList<>();
            List<Double> warcMb = new ArrayList<>();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            for (int run = 0; run < RUNS; run++) {
                System.gc();
                long before = memory.getHeapMemoryUsage().getUsed();
                AtomicLong peak = new AtomicLong(before);
                Thread sampler = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                sampler.start();
                long start = System.nanoTime();
                long size = captureAndStore(recorder, db, base + "/article-big-" + run);
                seconds.add((System.nanoTime() - start) / 1e9);
                sampler.interrupt();
                sampler.join();
                heapMb.add((peak.get() - before) / 1e6);
                warcMb.add(size / 1e6);
            }
            System.out.printf("captures: %d cores, heap limit %.0f MB%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() / 1e6);
            System.out.printf("captures: figure: article page (%d KB of images, %d files), recorded and stored, 2 at once: "
                    + "%s captures/s%n", ARTICLE_IMAGES * IMAGE_BYTES / 1024, ARTICLE_IMAGES + 1, range(perSecond, "%.1f"));
            System.out.printf("captures: figure: 50 MB page (%d images of %.1f MB), recorded and stored: %s s, WARC %s MB, "
                    + "heap in use at its peak above the idle heap %s MB (garbage included: the heap limit bounds it)%n", BIG_IMAGES, BIG_IMAGE_BYTES / 1e6, range(seconds, "%.2f"),
                    range(warcMb, "%.1f"), range(heapMb, "%.0f"));
        } finally {
            site.stop(0);
            siteThreads.shutdownNow();
        }
    }

    private static double throughput(PageRecorder recorder, String url, String base, int run, int captures, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Connection> connections = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<Connection> db = ThreadLocal.withInitial(() -> {
            try {
                Connection c = DriverManager.getConnection(url, "postgres", "");
                connections.add(c);
                return c;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long start = System.nanoTime();
        List<Future<Long>> done = new ArrayList<>();
        for (int i = 0; i < captures; i++) {
            String page = base + "/article-" + run + "-" + i;
            done.add(pool.submit(() -> captureAndStore(recorder, db.get(), page)));
        }
        for (Future<Long> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        for (Connection c : connections) {
            c.close();
        }
        return captures / seconds;
    }

    /** What the worker does for one capture: record, digest, store; answers the WARC's size. */
    private static long captureAndStore(PageRecorder recorder, Connection db, String url) throws Exception {
        PageRecorder.Recorded recorded = recorder.record(url, new PageRecorder.Budget(50L * 1024 * 1024 + 1_000_000,
                10L * 1024 * 1024, 200, Instant.now().plusSeconds(60), true));
        try {
            db.setAutoCommit(false);
            CaptureStore.put(db, recorded.warc(), CaptureStore.digestOf(recorded.warc()));
            db.commit();
            return Files.size(recorded.warc());
        } finally {
            Files.deleteIfExists(recorded.warc());
        }
    }

    private static String page(String prefix, int images) {
        StringBuilder html = new StringBuilder("<html><head><title>Report</title></head><body><h1>Labour report</h1>");
        for (int i = 0; i < images; i++) {
            html.append("<p>").append("Paragraph of the article. ".repeat(40)).append("</p><img src=\"/")
                    .append(prefix).append(i).append(".jpg\">");
        }
        return html.append("</body></html>").toString();
    }

    private static String range(List<Double> values, String format) {
        List<Double> sorted = values.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        return String.format(format, median) + " (" + String.format(format, sorted.get(0)) + "–"
                + String.format(format, sorted.get(sorted.size() - 1)) + ")";
    }

    private CaptureBenchmark() {
    }
}
