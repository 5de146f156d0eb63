"""The policy-server helper and the client, against the protocol as the README states it."""

import random
import sys

import pytest

from conftest import EXAMPLES, service_env
from loopsim import Policy, PolicyClient, ServiceError, Session

TITLES = [{"id": i, "release_day": 0.0, "popularity_prior": float(10 - i), "series": False, "artworks": 1, "genres": [1.0]}
          for i in range(10)]
MEMBER = {"id": 3, "join_day": 0.0, "visits": 2, "plays": 1, "recent_plays": [[4, 0, 0.5, False]],
          "recent_visit_days": [0.5, 0.1], "last_page": [0, 1, 2], "genre_shares": [1.0]}


def hello():
    return {"type": "hello", "protocol": 1, "role": "ranker", "parameters": {"depth": 2},
            "catalog": {"genres": 1, "titles": TITLES}}


def request(seed, candidates=0, count=3):
    return {"member": MEMBER, "features": [1.0, 0.0, 0.2, 0.1, 0.004, 0.0], "day": 1.5, "count": count, "seed": seed,
            "candidates": candidates}


class Echo(Policy):
    """Ranks the last candidates first; states propensity 1; records what it was told."""

    def __init__(self, hello):
        super().__init__(hello)
        self.learned = []

    def rank(self, request):
        return list(reversed(request.candidates))[: request.count], [1.0] * min(request.count, len(request.candidates))

    def learn(self, feedback):
        self.learned.append(feedback)


def test_a_session_answers_each_message_in_the_protocols_terms():
    session = Session(Echo)
    ready = session.handle(hello())
    assert ready == {"type": "ready", "protocol": 1, "name": "Echo"}
    assert session.policy.hello.parameters == {"depth": 2}
    assert session.policy.hello.titles[3].popularity_prior == 7.0
    ranked = session.handle({"type": "rank", "batch": 1, "candidate_sets": [[1, 2, 3, 4], [7, 8]],
                             "requests": [request(5), request(6, candidates=1)]})
    assert ranked == {"type": "ranked", "replies": [{"titles": [4, 3, 2], "propensities": [1.0, 1.0, 1.0]},
                                                    {"titles": [8, 7], "propensities": [1.0, 1.0]}]}
    visit = {"day": 1.5, "member": 3, "titles": [4, 3, 2], "artworks": [0, 0, 0], "played_slot": 1, "searched_title": -1,
             "watch_fraction": 0.75}
    reward = {"day": 2.0, "member": 3, "title": 3, "artwork": 0, "play_day": 1.5, "value": 1.0}
    assert session.handle({"type": "learn", "from_day": 1.0, "to_day": 2.0, "visits": [visit], "rewards": [reward]}) == {
        "type": "learned"}
    feedback = session.policy.learned[0]
    assert feedback.visits[0].played_title == 3 and feedback.rewards[0].play_day == 1.5
    assert session.handle({"type": "retrain", "day": 2.0}) == {"type": "retrained"}
    assert session.handle({"type": "bye"}) is None


def test_a_policy_that_raises_is_reported_as_an_error_reply_not_a_crash(capsys):
    class Broken(Policy):
        def rank(self, request):
            return {}["genre"]

    session = Session(Broken)
    session.handle(hello())
    reply = session.handle({"type": "rank", "batch": 1, "candidate_sets": [[1]], "requests": [request(1)]})
    assert reply == {"type": "error", "message": "KeyError: 'genre'"}
    assert "Traceback" in capsys.readouterr().err


def test_requests_in_one_batch_share_their_candidate_set():
    seen = []

    class Watching(Policy):
        def rank(self, request):
            seen.append(request.candidate_set)
            return request.candidates[:1]

    session = Session(Watching)
    session.handle(hello())
    session.handle({"type": "rank", "batch": 1, "candidate_sets": [[1, 2]], "requests": [request(1), request(2)]})
    assert seen[0] is seen[1] and seen[0] == frozenset({1, 2})


def test_the_readme_example_served_on_stdio_answers_the_client_and_learns():
    with PolicyClient(command=[sys.executable, EXAMPLES + "/popular.py"], env=service_env()) as client:
        assert client.hello(TITLES, genres=1)["name"] == "Popular"
        before = client.rank([dict(request(9, count=3), candidates=list(range(10)))])[0]["titles"]
        assert before == [0, 1, 2]  # the prior's top three, in order
        plays = [{"day": 1.0, "member": m, "titles": [9], "artworks": [0], "played_slot": 0, "searched_title": -1,
                  "watch_fraction": 0.9} for m in range(20)]
        client.learn(0.0, 1.0, visits=plays)
        after = client.rank([dict(request(9, count=3), candidates=list(range(10)))])[0]["titles"]
        assert after[0] == 9  # 20 plays outweigh the prior's 10


def test_a_served_policy_that_prints_does_not_break_the_protocol(tmp_path):
    script = tmp_path / "chatty.py"
    script.write_text("from loopsim import Policy, serve\n"
                      "class Chatty(Policy):\n"
                      "    def rank(self, request):\n"
                      "        print('ranking for', request.member.id)\n"
                      "        return request.candidates[:request.count]\n"
                      "serve(Chatty)\n")
    with PolicyClient(command=[sys.executable, str(script)], env=service_env()) as client:
        client.hello(TITLES, genres=1)
        assert client.rank([dict(request(1, count=2), candidates=[5, 6, 7])])[0]["titles"] == [5, 6]


def test_the_uniform_example_draws_only_from_the_requests_seed():
    with PolicyClient(command=[sys.executable, EXAMPLES + "/uniform.py"], env=service_env()) as client:
        client.hello(TITLES, genres=1)
        seeds = [random.Random(7).getrandbits(63) for _ in range(2)]
        ask = [dict(request(seeds[0], count=4), candidates=list(range(10))) for _ in range(3)]
        replies = client.rank(ask)
        assert replies[0]["titles"] == replies[1]["titles"] == replies[2]["titles"]
        assert len(set(replies[0]["titles"])) == 4


def test_the_client_reports_an_error_reply():
    class Broken(Policy):
        def rank(self, request):
            raise ValueError("no titles for you")

    session = Session(Broken)

    class Loopback(PolicyClient):
        def __init__(self):
            self._batches = 0

        def _exchange(self, message, expected):
            reply = session.handle(message)
            if reply.get("type") == "error":
                raise ServiceError(reply["message"])
            return reply

    client = Loopback()
    client.hello(TITLES, genres=1)
    with pytest.raises(ServiceError, match="ValueError: no titles for you"):
        client.rank([dict(request(1), candidates=[1, 2])])


def test_an_artwork_policy_answers_an_artwork_batch_with_one_choice_per_slot():
    class Last(Policy):
        def artwork(self, request):
            return [self.hello.titles[t].artworks - 1 if t >= 0 else 0 for t in request.titles]

    titles = [dict(t, artworks=3) for t in TITLES]
    session = Session(Last)
    session.handle({"type": "hello", "protocol": 1, "role": "artwork", "parameters": {},
                    "catalog": {"genres": 1, "titles": titles}})
    raw = {"member": MEMBER, "features": [1.0], "day": 1.0, "seed": 4, "titles": [2, -1, 5]}
    assert session.handle({"type": "artwork", "batch": 1, "requests": [raw]}) == {
        "type": "chosen", "replies": [{"artworks": [2, 0, 2]}]}


def test_a_row_order_policy_answers_each_request_with_an_order_of_the_rows():
    class Reverse(Policy):
        def row_order(self, request):
            return list(reversed(range(len(request.rows))))

    session = Session(Reverse)
    session.handle(hello())
    raw = {"member": MEMBER, "features": [1.0], "day": 1.0, "seed": 4, "rows": ["top-picks", "trending", "genre:0"]}
    assert session.handle({"type": "row_order", "batch": 1, "requests": [raw, raw]}) == {
        "type": "ordered", "replies": [{"order": [2, 1, 0]}, {"order": [2, 1, 0]}]}


def test_a_visit_names_the_row_its_play_came_from():
    from loopsim import Visit

    raw = {"day": 1.0, "member": 3, "titles": [1, 2, 3, 4, 5, 6], "artworks": [0] * 6, "columns": 3,
           "row_kinds": ["trending", "top-picks"], "played_slot": 4, "searched_title": -1, "watch_fraction": 0.5}
    assert Visit(raw).played_row_kind == "top-picks"
    assert Visit(dict(raw, played_slot=-1)).played_row_kind is None


def test_the_thompson_rows_example_learns_to_put_the_row_that_is_played_first():
    sys.path.insert(0, str(EXAMPLES))
    from thompson_rows import ThompsonRows
    from loopsim import Feedback

    policy = ThompsonRows(None)
    visits = [{"day": 1.0, "member": m, "titles": [1, 2, 3, 4], "artworks": [0] * 4, "columns": 2,
               "row_kinds": ["trending", "top-picks"], "played_slot": 2 + m % 2, "searched_title": -1, "watch_fraction": 1.0}
              for m in range(200)]
    policy.learn(Feedback({"from_day": 0.0, "to_day": 1.0, "visits": visits, "rewards": []}))
    rows = ["trending", "top-picks"]
    # After 200 plays from top-picks and none from trending, the posteriors barely overlap: Beta(201, 1) vs Beta(1, 201).
    assert all(policy.row_order(type("R", (), {"seed": s, "rows": rows})) == [1, 0] for s in range(50))
