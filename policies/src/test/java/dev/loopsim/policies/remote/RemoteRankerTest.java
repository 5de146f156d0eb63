package dev.loopsim.policies.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopsim.core.ParameterException;
import dev.loopsim.core.policy.Ranking;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.policies.Worlds;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The protocol as loopsim speaks it, against scripted services: a fake on a socket that answers
 * (or fails to) as each test says, and child processes that crash.
 */
public class RemoteRankerTest {
    /** The README's Python example, which the policy contract tests run as the remote ranker. */
    public static final RemoteRanker.Parameters PYTHON_EXAMPLE = new RemoteRanker.Parameters(
            List.of("python3", "{home}/python/examples/popular.py"), "", 30, 64, false, false, false, Map.of());

    /** The Python artwork example, which the contract tests run as the remote artwork selector. */
    public static final ServiceParameters PYTHON_ARTWORK_EXAMPLE = new ServiceParameters(
            List.of("python3", "{home}/python/examples/thompson_artwork.py"), "", 30, Map.of());

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<FakeService> services = new ArrayList<>();

    /** A service on a local port that answers each message with {@code answer}'s line (null: no answer, hang). */
    private final class FakeService implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0);
        final List<JsonNode> received = new CopyOnWriteArrayList<>();
        final Thread thread;

        FakeService(Function<JsonNode, String> answer) throws IOException {
            thread = new Thread(() -> {
                try (Socket socket = server.accept();
                     BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                     PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        JsonNode message = JSON.readTree(line);
                        received.add(message);
                        String reply = answer.apply(message);
                        if (reply == null) {
                            Thread.sleep(60_000);
                        } else if (!reply.isEmpty()) {
                            out.println(reply);
                        }
                    }
                } catch (IOException | InterruptedException ended) {
                    // the test is over
                }
            });
            thread.setDaemon(true);
            thread.start();
            services.add(this);
        }

        RemoteRanker ranker(Catalog catalog, double timeoutSeconds, boolean propensities) {
            return new RemoteRanker(catalog, new RemoteRanker.Parameters(List.of(), "localhost:" + server.getLocalPort(),
                    timeoutSeconds, 64, propensities, false, false, Map.of("depth", 3)));
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @AfterEach
    void stopServices() throws IOException {
        for (FakeService service : services) {
            service.close();
        }
    }

    /** Ranks the first {@code count} candidates in reverse, with propensity 0.5 each. */
    private static String reverseFirst(JsonNode message) {
        return switch (message.get("type").asText()) {
            case "hello" -> "{\"type\":\"ready\",\"protocol\":1}";
            case "rank" -> {
                StringBuilder replies = new StringBuilder();
                for (JsonNode request : message.get("requests")) {
                    JsonNode candidates = message.get("candidate_sets").get(request.get("candidates").asInt());
                    int count = Math.min(request.get("count").asInt(), candidates.size());
                    List<String> titles = new ArrayList<>();
                    List<String> odds = new ArrayList<>();
                    for (int k = count - 1; k >= 0; k--) {
                        titles.add(candidates.get(k).asText());
                        odds.add("0.5");
                    }
                    replies.append(replies.length() == 0 ? "" : ",").append("{\"titles\":").append(titles)
                            .append(",\"propensities\":").append(odds).append('}');
                }
                yield "{\"type\":\"ranked\",\"replies\":[" + replies + "]}";
            }
            case "learn" -> "{\"type\":\"learned\"}";
            case "retrain" -> "{\"type\":\"retrained\"}";
            default -> "";
        };
    }

    @Test
    void aSessionSaysHelloRanksLearnsRetrainsAndSaysGoodbye() throws Exception {
        FakeService service = new FakeService(RemoteRankerTest::reverseFirst);
        Catalog catalog = Worlds.catalog(6);
        RemoteRanker ranker = service.ranker(catalog, 5, true);
        var member = Worlds.member(4, 1);
        member.recordPlay(2, 0.25);
        Ranking ranking = ranker.rankWithPropensities(Worlds.context(catalog, member), 3);
        assertThat(ranking.titles()).containsExactly(2, 1, 0);
        assertThat(ranking.propensities()).containsExactly(0.5, 0.5, 0.5);
        ranker.learn(Worlds.plays(1, 5));
        ranker.retrain(1);
        ranker.close();
        service.thread.join(5_000);

        List<String> types = service.received.stream().map(m -> m.get("type").asText()).toList();
        assertThat(types).containsExactly("hello", "rank", "learn", "retrain", "bye");
        JsonNode hello = service.received.get(0);
        assertThat(hello.get("protocol").asInt()).isEqualTo(1);
        assertThat(hello.get("parameters").get("depth").asInt()).isEqualTo(3);
        assertThat(hello.get("catalog").get("titles")).hasSize(6);
        assertThat(hello.get("catalog").get("titles").get(1).get("popularity_prior").asDouble()).isEqualTo(5);
        JsonNode request = service.received.get(1).get("requests").get(0);
        assertThat(request.get("member").get("id").asInt()).isEqualTo(4);
        assertThat(request.get("member").get("recent_plays").get(0).get(0).asInt()).isEqualTo(2);
        assertThat(request.get("member").get("recent_plays").get(0).get(2).asDouble()).isEqualTo(0.25);
        assertThat(request.get("count").asInt()).isEqualTo(3);
        assertThat(request.get("seed").isIntegralNumber()).isTrue();
        JsonNode visit = service.received.get(2).get("visits").get(0);
        assertThat(visit.get("titles").get(0).asInt()).isEqualTo(5);
        assertThat(visit.get("played_slot").asInt()).isEqualTo(0);
    }

    /** With outcomes on, each visit is told the moment it ends, unanswered, between the decisions. */
    @Test
    void aServiceThatAsksForOutcomesIsToldEachVisitAsItEnds() throws Exception {
        FakeService service = new FakeService(RemoteRankerTest::reverseFirst);
        Catalog catalog = Worlds.catalog(6);
        RemoteRanker ranker = new RemoteRanker(catalog, new RemoteRanker.Parameters(List.of(), "localhost:" + service.server.getLocalPort(),
                5, 1, false, false, true, Map.of()));
        ranker.rank(Worlds.context(catalog, Worlds.member(4, 1)), 2);
        var page = new dev.loopsim.core.world.Page(1, 2, List.of("top-picks"), new int[] {1, 0});
        ranker.visited(new dev.loopsim.core.policy.VisitFeedback(1.0, 4, page, 1, 0.8), true, true);
        ranker.rank(Worlds.context(catalog, Worlds.member(5, 1)), 2);
        ranker.close();
        service.thread.join(5_000);
        assertThat(service.received.stream().map(m -> m.get("type").asText())).containsExactly("hello", "rank", "outcome", "rank", "bye");
        JsonNode outcome = service.received.get(2);
        assertThat(outcome.at("/visit/member").asInt()).isEqualTo(4);
        assertThat(outcome.at("/visit/played_slot").asInt()).isEqualTo(1);
        assertThat(outcome.at("/visit/titles/0").asInt()).isEqualTo(1);
        assertThat(outcome.at("/visit/watch_fraction").asDouble()).isEqualTo(0.8);
        assertThat(outcome.get("churned").asBoolean()).isTrue();
        assertThat(outcome.get("last").asBoolean()).isTrue();
    }

    @Test
    void withoutOutcomesNothingIsSentWhenAVisitEnds() throws Exception {
        FakeService service = new FakeService(RemoteRankerTest::reverseFirst);
        Catalog catalog = Worlds.catalog(6);
        RemoteRanker ranker = service.ranker(catalog, 5, false);
        ranker.rank(Worlds.context(catalog, Worlds.member(4, 1)), 2);
        var page = new dev.loopsim.core.world.Page(1, 2, List.of("top-picks"), new int[] {1, 0});
        ranker.visited(new dev.loopsim.core.policy.VisitFeedback(1.0, 4, page, 1, 0.8), false, false);
        ranker.close();
        service.thread.join(5_000);
        assertThat(service.received.stream().map(m -> m.get("type").asText())).containsExactly("hello", "rank", "bye");
    }

    /** One artwork request per page, with its titles; the reply's choices go to their slots, and a bad one stops the run. */
    @Test
    void aRemoteArtworkSelectorIsAskedOncePerPageAndItsChoicesChecked() throws Exception {
        Catalog catalog = Worlds.catalogWithArtworks(6, 3);
        FakeService service = new FakeService(m -> switch (m.get("type").asText()) {
            case "hello" -> "{\"type\":\"ready\"}";
            case "artwork" -> "{\"type\":\"chosen\",\"replies\":[{\"artworks\":[2,0,1]}]}";
            default -> "";
        });
        var selector = new RemoteArtwork(catalog, new ServiceParameters(List.of(), "localhost:" + service.server.getLocalPort(),
                5, Map.of()));
        var choices = selector.forPage(Worlds.context(catalog, Worlds.member(2, 1)), new int[] {4, -1, 1});
        assertThat(choices.select(catalog.title(4))).isEqualTo(2);
        assertThat(choices.select(catalog.title(1))).isEqualTo(1);
        JsonNode hello = service.received.get(0);
        assertThat(hello.get("role").asText()).isEqualTo("artwork");
        assertThat(hello.at("/catalog/titles/0/artwork_themes")).hasSize(3);
        JsonNode request = service.received.get(1);
        assertThat(request.get("type").asText()).isEqualTo("artwork");
        assertThat(request.has("candidate_sets")).isFalse();
        assertThat(request.at("/requests/0/titles").toString()).isEqualTo("[4,-1,1]");
        assertThat(request.at("/requests/0/features")).isNotEmpty();
        selector.close();

        FakeService wrong = new FakeService(m -> m.get("type").asText().equals("hello") ? "{\"type\":\"ready\"}"
                : "{\"type\":\"chosen\",\"replies\":[{\"artworks\":[3]}]}");
        var bad = new RemoteArtwork(catalog, new ServiceParameters(List.of(), "localhost:" + wrong.server.getLocalPort(), 5, Map.of()));
        assertThatThrownBy(() -> bad.forPage(Worlds.context(catalog, Worlds.member(2, 1)), new int[] {4}))
                .isInstanceOf(RemotePolicyException.class).hasMessageContaining("remote artwork selector (at localhost:")
                .hasMessageContaining("slot 0's artwork is 3; title 4 has artworks 0 to 2");
    }

    @Test
    void theSeedOfARequestComesFromTheMembersPolicyStream() throws Exception {
        FakeService service = new FakeService(RemoteRankerTest::reverseFirst);
        Catalog catalog = Worlds.catalog(6);
        RemoteRanker ranker = service.ranker(catalog, 5, false);
        ranker.rank(Worlds.context(catalog, Worlds.member(4, 7)), 2);
        ranker.rank(Worlds.context(catalog, Worlds.member(4, 7)), 2);
        ranker.rank(Worlds.context(catalog, Worlds.member(4, 8)), 2);
        long[] seeds = service.received.stream().filter(m -> m.get("type").asText().equals("rank"))
                .mapToLong(m -> m.get("requests").get(0).get("seed").asLong()).toArray();
        assertThat(seeds[0]).isEqualTo(seeds[1]).isNotEqualTo(seeds[2]);
        assertThat(seeds[0]).isEqualTo(Worlds.member(4, 7).policyStream().nextLong());
    }

    /**
     * While the service holds the first batch, the other callers queue, and the next batch carries
     * them all: 8 decisions in 2 messages, with one shared candidate set.
     */
    @Test
    void decisionsWaitingTogetherGoInOneBatch() throws Exception {
        CountDownLatch othersQueued = new CountDownLatch(1);
        FakeService service = new FakeService(message -> {
            if (message.get("type").asText().equals("rank") && message.get("batch").asInt() == 1) {
                try {
                    othersQueued.await();
                    Thread.sleep(300); // the seven others reach the queue meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return reverseFirst(message);
        });
        Catalog catalog = Worlds.catalog(10);
        RemoteRanker ranker = service.ranker(catalog, 10, false);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<int[]>> rankings = new ArrayList<>();
            rankings.add(pool.submit(() -> ranker.rank(Worlds.context(catalog, Worlds.member(0, 1)), 2)));
            while (service.received.size() < 2) {
                Thread.sleep(5);
            }
            for (int m = 1; m < 8; m++) {
                int id = m;
                rankings.add(pool.submit(() -> ranker.rank(Worlds.context(catalog, Worlds.member(id, 1)), 2)));
            }
            othersQueued.countDown();
            for (Future<int[]> ranking : rankings) {
                assertThat(ranking.get()).containsExactly(1, 0);
            }
        } finally {
            pool.shutdownNow();
        }
        List<JsonNode> batches = service.received.stream().filter(m -> m.get("type").asText().equals("rank")).toList();
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1).get("requests")).hasSize(7);
        assertThat(batches.get(1).get("candidate_sets")).hasSize(1);
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeStopsTheRunNamingTheRequest() throws Exception {
        FakeService service = new FakeService(m -> m.get("type").asText().equals("hello") ? "{\"type\":\"ready\"}" : null);
        Catalog catalog = Worlds.catalog(5);
        RemoteRanker ranker = service.ranker(catalog, 0.2, false);
        long started = System.nanoTime();
        assertThatThrownBy(() -> ranker.rank(Worlds.context(catalog, Worlds.member(3, 1)), 2))
                .isInstanceOf(RemotePolicyException.class)
                .hasMessageContaining("remote ranker (at localhost:")
                .hasMessageContaining("no reply within 0.2 s")
                .hasMessageContaining("rank batch 1 (1 request; the first: member 3 at day 1.0)");
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(10);
        assertThatThrownBy(() -> ranker.rank(Worlds.context(catalog, Worlds.member(4, 1)), 2))
                .as("a broken session stays broken").hasMessageContaining("no reply within");
    }

    @Test
    void badRepliesStopTheRunSayingWhatWasWrong() throws Exception {
        Catalog catalog = Worlds.catalog(5);
        String[][] cases = {
            {"not json at all", "its reply is not JSON: 'not json at all'"},
            {"{\"type\":\"ranked\",\"replies\":[{\"titles\":[9]}]}", "it ranked title 9, which is not among the request's candidates"},
            {"{\"type\":\"ranked\",\"replies\":[{\"titles\":[1,1]}]}", "it ranked title 1 twice"},
            {"{\"type\":\"ranked\",\"replies\":[{\"titles\":[1,2,3]}]}", "it ranked 3 titles where 2 were asked for"},
            {"{\"type\":\"ranked\",\"replies\":[]}", "'replies', an array of 1, one per request in order; found 0"},
            {"{\"type\":\"ranked\",\"replies\":[{\"titles\":[1],\"propensities\":[1.5]}]}", "propensity 0 is 1.5"},
            {"{\"type\":\"error\",\"message\":\"KeyError: 'genre'\"}", "the policy reported an error: KeyError: 'genre'"},
            {"{\"type\":\"learned\"}", "expected a reply of type 'ranked'"},
        };
        for (String[] c : cases) {
            FakeService service = new FakeService(m -> m.get("type").asText().equals("hello") ? "{\"type\":\"ready\"}" : c[0]);
            RemoteRanker ranker = service.ranker(catalog, 5, false);
            assertThatThrownBy(() -> ranker.rank(Worlds.context(catalog, Worlds.member(3, 1)), 2))
                    .as(c[0]).isInstanceOf(RemotePolicyException.class).hasMessageContaining(c[1])
                    .hasMessageContaining("member 3 at day 1.0");
        }
    }

    @Test
    void aServiceThatCrashesIsReportedWithItsExitCodeAndLastWords() {
        Catalog catalog = Worlds.catalog(5);
        RemoteRanker ranker = new RemoteRanker(catalog, new RemoteRanker.Parameters(
                List.of("sh", "-c", "read hello; echo 'Traceback: ZeroDivisionError' >&2; exit 3"), "", 5, 64, false, false, false, Map.of()));
        assertThatThrownBy(() -> ranker.rank(Worlds.context(catalog, Worlds.member(3, 1)), 2))
                .isInstanceOf(RemotePolicyException.class)
                .hasMessageContaining("remote ranker (sh -c read hello;")
                .hasMessageContaining("the service closed the connection, answering the hello")
                .hasMessageContaining("it exited with code 3")
                .hasMessageContaining("Traceback: ZeroDivisionError");
    }

    @Test
    void aCommandThatCannotStartOrAnAddressWithNoServiceIsReported() throws IOException {
        Catalog catalog = Worlds.catalog(5);
        RemoteRanker missing = new RemoteRanker(catalog, new RemoteRanker.Parameters(
                List.of("no-such-program-loopsim"), "", 5, 64, false, false, false, Map.of()));
        assertThatThrownBy(() -> missing.rank(Worlds.context(catalog, Worlds.member(3, 1)), 2))
                .isInstanceOf(RemotePolicyException.class).hasMessageContaining("cannot start no-such-program-loopsim");
        int freePort;
        try (ServerSocket probe = new ServerSocket(0)) {
            freePort = probe.getLocalPort();
        }
        RemoteRanker nobody = new RemoteRanker(catalog, new RemoteRanker.Parameters(
                List.of(), "localhost:" + freePort, 5, 64, false, false, false, Map.of()));
        assertThatThrownBy(() -> nobody.rank(Worlds.context(catalog, Worlds.member(3, 1)), 2))
                .isInstanceOf(RemotePolicyException.class).hasMessageContaining("cannot connect to localhost:" + freePort);
    }

    @Test
    void parametersNeedExactlyOneServiceAndSaneLimits() {
        assertThatThrownBy(RemoteRanker.Parameters.DEFAULTS::checkRequired).isInstanceOf(ParameterException.class)
                .hasMessageContaining("needs command");
        assertThatThrownBy(() -> new RemoteRanker.Parameters(List.of("python3"), "localhost:1", 30, 64, false, false, false, Map.of()))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> new RemoteRanker.Parameters(List.of(), "localhost", 30, 64, false, false, false, Map.of()))
                .hasMessageContaining("host:port");
        assertThatThrownBy(() -> new RemoteRanker.Parameters(List.of("x"), "", 0, 64, false, false, false, Map.of()))
                .hasMessageContaining("timeout");
        assertThat(new RemoteRanker.Parameters(List.of("python3 my_policy.py --depth 3"), "", 30, 64, false, false, false, Map.of())
                .command()).containsExactly("python3", "my_policy.py", "--depth", "3");
    }
}
