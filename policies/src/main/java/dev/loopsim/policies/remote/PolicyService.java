package dev.loopsim.policies.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A session with a policy service in the line protocol ({@link Protocol}): one message per line,
 * one reply per message, in order. Decisions from concurrent shards are batched: a caller queues
 * its request, and whichever caller holds the connection sends everything queued as one message, so
 * while one batch is with the service the next one fills. A reply must depend only on its request
 * and the feedback delivered so far; then neither the batches' make-up nor their timing can change
 * a run.
 */
final class PolicyService implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ScheduledExecutorService WATCHDOG = watchdog();

    /** One decision waiting for its batch. */
    static final class Decision {
        final String request;
        final int[] candidates;
        final String describe;
        private final java.util.concurrent.CountDownLatch woken = new java.util.concurrent.CountDownLatch(1);
        volatile JsonNode reply;
        volatile RemotePolicyException failure;

        /**
         * @param request    the request's JSON object without its closing brace (and, for a ranking, its {@code candidates} field)
         * @param candidates a ranking's candidates, null for other decisions
         */
        Decision(String request, int[] candidates, String describe) {
            this.request = request;
            this.candidates = candidates;
            this.describe = describe;
        }

        boolean settled() {
            return reply != null || failure != null;
        }

        void answer(JsonNode answer) {
            reply = answer;
            woken.countDown();
        }

        void fail(RemotePolicyException failed) {
            failure = failed;
            woken.countDown();
        }

        /** Wakes the thread unanswered: a finishing leader hands it the connection. */
        void handOver() {
            woken.countDown();
        }

        void await() {
            boolean interrupted = false;
            while (true) {
                try {
                    woken.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final String label;
    private final String batchType;
    private final String replyType;
    private final Transport transport;
    private final long timeoutMillis;
    private final java.util.concurrent.locks.ReentrantLock connection = new java.util.concurrent.locks.ReentrantLock();
    private final ConcurrentLinkedQueue<Decision> queued = new ConcurrentLinkedQueue<>();
    private long batches;
    private volatile RemotePolicyException broken;

    /** One daemon thread for every session's alarms; a reply's alarm is dropped from its queue when cancelled. */
    private static ScheduledExecutorService watchdog() {
        var alarms = new java.util.concurrent.ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "loopsim-policy-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        alarms.setRemoveOnCancelPolicy(true);
        return alarms;
    }

    /** Opens the session: sends {@code hello} and waits for the service's {@code ready}. */
    PolicyService(String label, Transport transport, double timeoutSeconds, String hello, String batchType, String replyType) {
        this.label = label;
        this.batchType = batchType;
        this.replyType = replyType;
        this.transport = transport;
        this.timeoutMillis = Math.round(timeoutSeconds * 1000);
        JsonNode ready = exchange(hello, "ready", "the hello");
        int protocol = ready.path("protocol").asInt(Protocol.VERSION);
        if (protocol != Protocol.VERSION) {
            throw fail("it speaks protocol " + protocol + ", loopsim speaks " + Protocol.VERSION, "the hello");
        }
    }

    /** The service's reply to one decision, batched with whatever other shards are asking meanwhile. */
    JsonNode decide(Decision decision) {
        RemotePolicyException failure = broken;
        if (failure != null) {
            throw failure;
        }
        queued.add(decision);
        if (connection.tryLock()) {
            lead(decision);
        } else {
            decision.await();
            if (!decision.settled()) { // handed the connection: lead the next batch
                connection.lock();
                lead(decision);
            }
        }
        if (decision.failure != null) {
            throw decision.failure;
        }
        return decision.reply;
    }

    /**
     * With the connection held: sends batches until this decision is answered, then hands the
     * connection to a queued decision's thread, so that threads with answers never wait for it.
     */
    private void lead(Decision decision) {
        try {
            while (!decision.settled()) {
                List<Decision> batch = new ArrayList<>();
                for (Decision next = queued.poll(); next != null; next = queued.poll()) {
                    batch.add(next);
                }
                if (!batch.isEmpty()) {
                    sendBatch(batch);
                }
            }
        } catch (RemotePolicyException failed) {
            // every decision of the batch has it; the caller throws its own
        } finally {
            connection.unlock();
            Decision next = queued.peek();
            if (next != null) {
                next.handOver();
            }
        }
    }

    private void sendBatch(List<Decision> batch) {
        long number = batches + 1;
        StringBuilder message = new StringBuilder(256 * batch.size()).append("{\"type\":\"").append(batchType)
                .append("\",\"batch\":").append(number);
        boolean ranking = batch.get(0).candidates != null; // a session's decisions are all of one kind
        if (ranking) {
            message.append(",\"candidate_sets\":[");
        }
        Map<CandidateKey, Integer> sets = new HashMap<>();
        int[] setOf = new int[batch.size()];
        for (int i = 0; i < batch.size() && ranking; i++) {
            int[] candidates = batch.get(i).candidates;
            CandidateKey key = new CandidateKey(candidates);
            Integer known = sets.get(key);
            if (known == null) {
                known = sets.size();
                sets.put(key, known);
                if (known > 0) {
                    message.append(',');
                }
                Protocol.appendInts(message, candidates);
            }
            setOf[i] = known;
        }
        message.append(ranking ? "]," : ",").append("\"requests\":[");
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0) {
                message.append(',');
            }
            message.append(batch.get(i).request);
            if (ranking) {
                message.append(",\"candidates\":").append(setOf[i]);
            }
            message.append('}');
        }
        message.append("]}");
        String what = batchType + " batch " + number + " (" + batch.size() + (batch.size() == 1 ? " request" : " requests")
                + "; the first: " + batch.get(0).describe + ")";
        try {
            JsonNode reply = exchange(message.toString(), replyType, what);
            JsonNode replies = reply.get("replies");
            if (replies == null || !replies.isArray() || replies.size() != batch.size()) {
                throw fail("its reply needs 'replies', an array of " + batch.size() + ", one per request in order; found "
                        + (replies == null ? "none" : replies.isArray() ? replies.size() + "" : replies.getNodeType().toString()), what);
            }
            batches = number;
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer(replies.get(i));
            }
        } catch (RemotePolicyException e) {
            batch.forEach(d -> d.fail(e));
            throw e;
        }
    }

    /** Sends a message that has no reply (an outcome). */
    void tell(String message, String what) {
        connection.lock();
        try {
            RemotePolicyException failure = broken;
            if (failure != null) {
                throw failure;
            }
            transport.send(message);
        } catch (IOException e) {
            throw fail("the connection failed (" + e.getMessage() + ")", what);
        } finally {
            connection.unlock();
        }
    }

    /** Sends one message and returns its reply, which must have {@code type: expected}. */
    JsonNode exchange(String message, String expected, String what) {
        connection.lock();
        try {
            RemotePolicyException failure = broken;
            if (failure != null) {
                throw failure;
            }
            AtomicBoolean timedOut = new AtomicBoolean();
            ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
                timedOut.set(true);
                transport.abort();
            }, timeoutMillis, TimeUnit.MILLISECONDS);
            String line;
            try {
                transport.send(message);
                line = transport.receive();
            } catch (IOException e) {
                line = null;
                if (!timedOut.get()) {
                    throw fail("the connection failed (" + e.getMessage() + ")", what);
                }
            } finally {
                alarm.cancel(false);
            }
            if (timedOut.get()) {
                throw fail("no reply within " + seconds(timeoutMillis) + " (its timeout); the service was stopped", what, false);
            }
            if (line == null) {
                throw fail("the service closed the connection", what);
            }
            JsonNode reply;
            try {
                reply = JSON.readTree(line);
            } catch (IOException e) {
                throw fail("its reply is not JSON: " + Protocol.shorten(line), what);
            }
            String type = reply.path("type").asText("");
            if ("error".equals(type)) {
                throw fail("the policy reported an error: " + reply.path("message").asText("(no message)"), what);
            }
            if (!expected.equals(type)) {
                throw fail("expected a reply of type '" + expected + "', found " + Protocol.shorten(line), what);
            }
            return reply;
        } finally {
            connection.unlock();
        }
    }

    /** Marks the session broken, with a message naming the policy, what it was asked and what it last said. */
    RemotePolicyException fail(String problem, String what) {
        return fail(problem, what, true);
    }

    private RemotePolicyException fail(String problem, String what, boolean askHowItEnded) {
        StringBuilder message = new StringBuilder(label).append(": ").append(problem).append(", answering ").append(what);
        String status = askHowItEnded ? transport.exitStatus() : "";
        if (!status.isEmpty()) {
            message.append("; ").append(status);
        }
        String words = transport.lastWords();
        if (!words.isEmpty()) {
            message.append("\nits last words:\n").append(words.indent(2).stripTrailing());
        }
        RemotePolicyException failure = new RemotePolicyException(message.toString());
        broken = failure;
        transport.abort();
        return failure;
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }

    /** Says goodbye (when the session is still sound) and closes the connection. */
    @Override
    public void close() {
        connection.lock();
        try {
            if (broken == null) {
                try {
                    transport.send("{\"type\":\"bye\"}");
                } catch (IOException ignored) {
                    // the service is gone already
                }
                broken = new RemotePolicyException(label + ": the session is closed");
            }
            transport.close();
        } finally {
            connection.unlock();
        }
    }

    /** Candidate lists compared by content, so rows of one kind share a set in the message. */
    private record CandidateKey(int[] titles) {
        @Override
        public boolean equals(Object other) {
            return other instanceof CandidateKey key && Arrays.equals(titles, key.titles);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(titles);
        }
    }
}
