package org.factdesk.people;

import org.factdesk.support.TestConfig;
import io.quarkiverse.resteasy.problem.HttpProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Callers that find the list expired at the same time share one refresh: one call to Keycloak, not one each. */
class DeskDirectoryTest {

    static final int CALLERS = 8;

    final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    final ExecutorService pool = Executors.newFixedThreadPool(CALLERS, task -> {
        Thread thread = new Thread(task);
        threads.add(thread);
        return thread;
    });
    final AtomicInteger keycloakCalls = new AtomicInteger();
    final CountDownLatch keycloakAnswers = new CountDownLatch(1);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void concurrentCallersShareOneKeycloakCall() throws Exception {
        DeskDirectory directory = directory(false);
        List<Future<DeskDirectory.Snapshot>> answers = callConcurrently(directory);
        DeskDirectory.Snapshot first = answers.get(0).get(5, TimeUnit.SECONDS);
        for (Future<DeskDirectory.Snapshot> answer : answers) {
            assertSame(first, answer.get(5, TimeUnit.SECONDS));
        }
        assertFalse(first.stale());
        assertEquals(1, keycloakCalls.get());
        directory.people();
        assertEquals(1, keycloakCalls.get(), "a fresh list is served from memory");
    }

    @Test
    void aFailedRefreshIsSharedToo() throws Exception {
        for (Future<DeskDirectory.Snapshot> answer : callConcurrently(directory(true))) {
            ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> answer.get(5, TimeUnit.SECONDS));
            assertEquals(503, assertInstanceOf(HttpProblem.class, failure.getCause()).getStatusCode());
        }
        assertEquals(1, keycloakCalls.get());
    }

    @Test
    void namesForViewsNeverWaitForKeycloakAndComeOnceTheBackgroundRefreshAnswers() throws Exception {
        DeskDirectory directory = directory(false);
        for (int i = 0; i < CALLERS; i++) {
            assertEquals(null, directory.names().of("sub-1"), "nothing known yet, and no waiting for Keycloak");
        }
        keycloakAnswers.countDown();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (directory.names().of("sub-1") == null && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertEquals("Carol", directory.names().of("sub-1"));
        assertEquals(null, directory.names().of("someone-else"));
        assertEquals(null, directory.names().of(null));
        assertEquals(1, keycloakCalls.get(), "one background refresh for all the views that asked");
    }

    @Test
    void withKeycloakDownNamesAreUnknownAndKeycloakIsNotAskedOnEveryView() throws Exception {
        DeskDirectory directory = directory(true);
        keycloakAnswers.countDown();
        assertEquals(null, directory.names().of("sub-1"));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (keycloakCalls.get() == 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        for (int i = 0; i < 20; i++) {
            assertEquals(null, directory.names().of("sub-1"));
        }
        Thread.sleep(100);
        assertEquals(1, keycloakCalls.get(), "the next try waits " + DeskDirectory.BACKGROUND_RETRY);
    }

    /** Every caller asks while the first one's Keycloak call is still under way. */
    private List<Future<DeskDirectory.Snapshot>> callConcurrently(DeskDirectory directory) throws InterruptedException {
        List<Future<DeskDirectory.Snapshot>> answers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            answers.add(pool.submit(directory::people));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (threads.size() < CALLERS || !threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)) {
            if (System.nanoTime() > deadline) {
                fail("the callers did not all wait: " + threads.stream().map(Thread::getState).toList());
            }
            Thread.sleep(5);
        }
        keycloakAnswers.countDown();
        return answers;
    }

    private DeskDirectory directory(boolean keycloakDown) {
        DeskDirectory directory = new DeskDirectory() {
            @Override
            List<Person> fetch() {
                keycloakCalls.incrementAndGet();
                try {
                    assertTrue(keycloakAnswers.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                if (keycloakDown) {
                    throw new IllegalStateException("Connection refused");
                }
                return List.of(new Person("sub-1", "carol", "Carol", List.of("editor")));
            }

            @Override
            java.util.concurrent.Executor backgroundPool() {
                return pool;
            }
        };
        directory.config = TestConfig.factdesk("factdesk.people.cache-ttl", "1m");
        return directory;
    }
}
