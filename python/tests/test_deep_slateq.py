"""The PyTorch example (examples/deep_slateq.py): what it learns from, that its TD step moves Q and V
to their targets, and that training through the environment writes weights its service ranks with.

Without torch these tests skip, unless LOOPSIM_REQUIRE_TORCH is set (as .ci/run sets it), when a
missing torch is a failure."""

import argparse
import os
import random
import subprocess
import sys

import pytest

from conftest import EXAMPLES, service_env

if os.environ.get("LOOPSIM_REQUIRE_TORCH"):
    import torch
else:
    torch = pytest.importorskip("torch")

sys.path.insert(0, EXAMPLES)
import deep_slateq  # noqa: E402
from loopsim import Session  # noqa: E402
from loopsim.protocol import Hello  # noqa: E402

GENRES = 2
TITLES = [{"id": i, "release_day": float(i), "popularity_prior": float(i), "series": False, "artworks": 1,
           "genres": [1.0, 0.0] if i % 2 else [0.0, 1.0]} for i in range(6)]


def hello():
    return {"type": "hello", "protocol": 1, "role": "ranker", "parameters": {}, "catalog": {"genres": GENRES, "titles": TITLES}}


def test_title_features_count_what_was_shown_played_and_enjoyed():
    titles = deep_slateq.Titles(Hello(hello()))
    before = titles.features(10.0)
    titles.note([1, 2, -1], 2, True)
    titles.note([1, 2], 1, False)
    after = titles.features(10.0)
    assert after.shape == (6, GENRES + deep_slateq.TITLE_EXTRA)
    assert list(titles.shown[:3]) == [0, 2, 2] and list(titles.plays[:3]) == [0, 1, 1]
    quality_share = GENRES + 4
    assert after[2, quality_share] > before[2, quality_share] > after[1, quality_share]  # (1+1)/(1+2) > 1/2 > 1/3
    assert torch.equal(after[0], before[0])  # a title never shown keeps its numbers
    assert after[3, GENRES + 1] == pytest.approx((10.0 - 3.0) / 90.0)  # age in quarters of a year


def test_td_steps_move_each_head_to_its_target_on_a_last_visit():
    """A member's last visit (no next one) played the title in position 1 for reward 1: V's target is 1, and the gain's 0 − V(x) by the target network."""
    torch.manual_seed(3)
    net, target = deep_slateq.Values(GENRES), deep_slateq.Values(GENRES)
    target.load_state_dict(net.state_dict())
    optimiser = torch.optim.Adam(net.parameters(), lr=0.01)
    x = [0.5, 0.5, 1.0, 0.1, 0.1, 0.0, 0.5]
    shown = deep_slateq.Titles(Hello(hello())).features(1.0)[[4, 1, 2]]
    replay = [(x, shown, 1, 1.0, None, 0.0)]
    args = argparse.Namespace(batch=4, discount=0.97)
    for _ in range(400):
        deep_slateq.learn(net, target, optimiser, replay, random.Random(0), args)
    quality, gain, logit, v = net.parts(net.member(torch.tensor([x])), net.title(shown.unsqueeze(0)))
    assert torch.sigmoid(quality[0, 1]).item() > 0.98  # a quality play
    assert v[0].item() == pytest.approx(1.0, abs=0.02)  # all the return there is
    assert gain[0, 1].item() == pytest.approx(-target.value(torch.tensor([x]))[0].item(), abs=0.02)  # no next visit: 0 − V(x)
    assert torch.sigmoid(logit[0, 1]).item() > 0.95  # played when shown
    assert torch.sigmoid(logit[0, 0]).item() < 0.05 and torch.sigmoid(logit[0, 2]).item() < 0.05


def test_training_through_the_environment_writes_the_same_weights_again_and_its_service_ranks_with_them(tmp_path):
    model = tmp_path / "model.json"
    script = os.path.join(EXAMPLES, "deep_slateq.py")
    trained = subprocess.run([sys.executable, script, "train", "--out", str(model), "--members", "15", "--days", "10",
                              "--episodes", "2", "--batch", "8", "--learn-every", "2"],
                             env=service_env(), capture_output=True, text=True, timeout=600)
    assert trained.returncode == 0, trained.stderr
    assert trained.stderr.count("quality plays a visit") == 2
    again = tmp_path / "again.json"
    retrained = subprocess.run([sys.executable, script, "train", "--out", str(again), "--members", "15", "--days", "10",
                                "--episodes", "2", "--batch", "8", "--learn-every", "2"],
                               env=service_env(), capture_output=True, text=True, timeout=600)
    assert retrained.returncode == 0, retrained.stderr
    assert again.read_bytes() == model.read_bytes()  # all its randomness comes from --seed
    net, meta = deep_slateq.Values.load(str(model))
    assert meta["genres"] == 6 and meta["episodes"] == 2  # short-vs-long-term's catalog has 6 genres

    deep_slateq.DeepSlateQ.model = str(model)
    deep_slateq.DeepSlateQ.exploration = 0.0
    catalog = [dict(t, genres=[1.0] + [0.0] * 5) for t in TITLES]
    session = Session(deep_slateq.DeepSlateQ)
    session.handle({"type": "hello", "protocol": 1, "role": "ranker", "parameters": {},
                    "catalog": {"genres": 6, "titles": catalog}})
    member = {"id": 3, "join_day": 0.0, "visits": 2, "plays": 1, "recent_plays": [], "recent_visit_days": [0.5],
              "last_page": [], "genre_shares": [1.0] + [0.0] * 5}
    request = {"member": member, "features": [1.0, 0, 0, 0, 0, 0, 0.5, 0.1, 0.1, 0.0, 0.5], "day": 2.0, "count": 3,
               "seed": 7, "candidates": 0}
    message = {"type": "rank", "batch": 1, "candidate_sets": [[0, 1, 2, 3, 4, 5]], "requests": [request]}
    first = session.handle(message)["replies"][0]["titles"]
    assert len(first) == 3 and len(set(first)) == 3 and set(first) <= set(range(6))
    assert session.handle(message)["replies"][0]["titles"] == first  # a frozen network and the same seed: the same page
    base = session.policy.titles.features(2.0)
    share, rate = session.policy.titles.draw(deep_slateq.request_draws(argparse.Namespace(seed=7))[1])
    scores = net.scores(request["features"], net.redrawn(net.first_layer(base), base, share, rate)).tolist()
    assert first == sorted(range(6), key=lambda t: (-scores[t], t))[:3]


def test_the_serving_scores_are_the_networks_function():
    """``scores`` rearranges ``forward`` for one member, and ``redrawn`` the first layer for drawn inputs: both must compute the same thing."""
    torch.manual_seed(5)
    net = deep_slateq.Values(GENRES)
    titles = deep_slateq.Titles(Hello(hello()))
    titles.note([0, 1, 2, 3], 3, True)
    features = titles.features(4.0)
    x = [0.2, 0.8, 0.3, 0.2, 0.1, 0.5, 0.9]
    q, logit, v = net(torch.tensor([x]), features.unsqueeze(0))
    expected = torch.sigmoid(logit[0]) * (q[0] - v[0])
    served = net.scores(x, net.first_layer(features))
    assert torch.allclose(served, expected, atol=1e-5)
    share, rate = torch.tensor([0.1, 0.9, 0.5, 0.3, 0.7, 0.2]), torch.tensor([1.0, 0.2, 0.0, 3.0, 0.5, 0.1])
    assert torch.allclose(net.redrawn(net.first_layer(features), features, share, rate),
                          net.first_layer(deep_slateq.with_draws(features, share, rate)), atol=1e-5)


def test_each_candidate_jumps_to_the_front_with_the_exploration_share():
    """Over 20,000 pages of 300 candidates at share 0.02: the mean of a binomial count is 6 and each
    position's share 0.02. With these seeds fixed the test is exact; the tolerances are 5 standard
    errors (a false failure for another seed about once in 1.7 million per check)."""
    draws = random.Random(4)
    counts = [0] * 300
    total = 0
    pages = 20000
    for _ in range(pages):
        jumps = deep_slateq.explored(300, 0.02, draws)
        assert jumps == sorted(set(jumps)) and all(0 <= j < 300 for j in jumps)
        total += len(jumps)
        for j in jumps:
            counts[j] += 1
    assert abs(total / pages - 6.0) < 5 * (300 * 0.02 * 0.98 / pages) ** 0.5
    first, last = sum(counts[:30]) / (30 * pages), sum(counts[-30:]) / (30 * pages)
    for share in (first, last):
        assert abs(share - 0.02) < 5 * (0.02 * 0.98 / (30 * pages)) ** 0.5
    assert deep_slateq.explored(300, 0.0, draws) == [] and deep_slateq.explored(5, 1.0, draws) == [0, 1, 2, 3, 4]


def test_sampled_features_draw_the_quality_numbers_from_their_posteriors():
    """A title shown 90 times, played 40, 30 of them quality plays: its quality share is drawn from
    Beta(31, 11) (mean 0.738, sd 0.067) and its quality rate from 5 × Beta(30.5, 69.5) (mean 1.525).
    Over 4,000 draws a mean is off by more than 5 standard errors once in 1.7 million seeds."""
    import numpy
    titles = deep_slateq.Titles(Hello(hello()))
    titles.shown[1], titles.plays[1], titles.quality[1] = 90.0, 40.0, 30.0
    titles.note([], -1, False)  # (a note refreshes the features)
    draws = numpy.random.default_rng(8)
    share, rate = [], []
    for _ in range(4000):
        f = deep_slateq.with_draws(titles.features(3.0), *titles.draw(draws))
        share.append(f[1, GENRES + 4].item())
        rate.append(f[1, GENRES + 5].item())
        assert torch.equal(f[:, : GENRES + 4], titles.features(3.0)[:, : GENRES + 4])  # the rest as they are
    mean_share, mean_rate = sum(share) / 4000, sum(rate) / 4000
    sd_share = (31 * 11 / (42 ** 2 * 43)) ** 0.5
    sd_rate = 5 * (30.5 * 69.5 / (100 ** 2 * 101)) ** 0.5
    assert abs(mean_share - 31 / 42) < 5 * sd_share / 4000 ** 0.5
    assert abs(mean_rate - 5 * 30.5 / 100) < 5 * sd_rate / 4000 ** 0.5
