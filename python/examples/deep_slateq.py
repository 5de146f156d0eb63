"""A deep long-term policy in PyTorch: trained through the environment, then served to loopsim.

One network scores a (member, title) pair. The member is the request's observation x; the title is
what a service can know of it: its genres, popularity prior and age, and what this policy has seen
of it in the run so far (how often it was shown, played, and played to a quality play). Its heads:

- Q(x, t): the discounted quality plays that follow a visit on which t is played, this one included,
  as Pr(quality play | t played), learned as a probability, plus V(x), plus the gain G(x, t) of the
  next visit's discounted value over V(x), learned by TD(0): target γ^Δt·V(x') − V(x) from the
  member's next visit Δt days later, with V(x') = 0 once the member has left;
- the logit of t being played when shown;
- and, from x alone, V(x): the same return for the visit before its page is chosen, by TD(0) with
  target r + γ^Δt·V(x').

The page is the titles with the highest Pr(played)·(Q − V): a title's gain when played, weighted
by its chance of being played (as in SlateQ, Ie et al. 2019), on title inputs whose quality share
and quality rate are drawn from their Beta posteriors on each request (Thompson sampling through
the inputs). A clickbait title is played often but rarely to a quality play, and the members it
disappoints visit less, so its Q falls below V; the run's own counts let the network tell which
titles those are in a catalog it has never seen. Because the network sees titles only through
features, it is trained on worlds drawn from other seeds than the one it is evaluated on.

    python3 deep_slateq.py train --out model.json      # episodes of the environment, then the weights
    python3 deep_slateq.py --model model.json          # a policy service: ranks by the trained network

The weights are written as JSON: text in a repository, and read back without pickle.
"""

import argparse
import json
import math
import os
import random
import sys

import numpy
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from loopsim import Policy, serve  # noqa: E402
from loopsim.env import OBSERVATION_EXTRA, QUALITY_THRESHOLD  # noqa: E402

TITLE_EXTRA = 6  # a title's numbers after its genres (Titles.features)


class Titles:
    """What the policy knows of each title: the catalog's features and what it has seen this run."""

    def __init__(self, hello):
        self.genres = torch.tensor([t.genres for t in hello.titles], dtype=torch.float32)
        self.prior = torch.tensor([math.log1p(max(t.popularity_prior, 0.0)) for t in hello.titles])
        self.release = torch.tensor([float(t.release_day) for t in hello.titles])
        n = len(hello.titles)
        self.shown = numpy.zeros(n)
        self.plays = numpy.zeros(n)
        self.quality = numpy.zeros(n)
        self._cached = None

    def note(self, titles, played, quality):
        """One page: the titles shown (-1 for an empty slot), the one played from it or -1, and whether it was a quality play."""
        shown = self.shown
        for title in titles:
            if title >= 0:
                shown[title] += 1
        if played >= 0:
            self.plays[played] += 1
            if quality:
                self.quality[played] += 1
        self._cached = None

    def features(self, day):
        """Every title's numbers on the day of ``day``: genres, log prior, age, log shown, play rate, quality
        share, quality rate. Kept until the next ``note`` or day: a service answers many requests in between."""
        day = math.floor(day)
        if self._cached is None or self._cached[0] != day:
            shown, plays, quality = (torch.from_numpy(a).float() for a in (self.shown, self.plays, self.quality))
            age = ((day - self.release) / 90.0).clamp(-1.0, 2.0)
            self._cached = (day, torch.cat([self.genres, torch.stack([
                self.prior / 5.0, age, torch.log1p(shown) / 5.0,
                (plays + 0.5) / (shown + 10.0) * 5.0,
                (quality + 1.0) / (plays + 2.0),
                (quality + 0.5) / (shown + 10.0) * 5.0], dim=1)], dim=1), None)
        return self._cached[1]

    def draw(self, draws):
        """The quality share and the quality rate of every title drawn from their Beta posteriors (by
        ``draws``, a numpy Generator) instead of their means: Thompson sampling through the network's
        inputs, so that a title seen little gets chances in proportion to its promise."""
        shown, plays, quality = self.shown, self.plays, self.quality
        return (torch.from_numpy(draws.beta(quality + 1.0, plays - quality + 1.0)).float(),
                torch.from_numpy(draws.beta(quality + 0.5, shown - quality + 9.5) * 5.0).float())

    def first_layer(self, net):
        """The title tower's first layer on ``features`` of the day last asked for, before its ReLU:
        kept like the features, for every request until they change."""
        day, features, first = self._cached
        if first is None or first[0] is not net:
            first = (net, net.first_layer(features))
            self._cached = (day, features, first)
        return first[1]


def with_draws(features, share, rate):
    """Title features with their quality share and quality rate replaced by drawn ones (``Titles.draw``)."""
    drawn = features.clone()
    g = features.shape[1] - TITLE_EXTRA
    drawn[:, g + 4] = share
    drawn[:, g + 5] = rate
    return drawn


class Values(torch.nn.Module):
    """Two towers: one embeds the member's observation x, one each title's features t. Three
    quantities of a (member, title) pair are dot products of their embeddings (plus a title-only
    term): the logit of a quality play when t is played, the gain G(x, t) in the discounted value of
    the member's next visits after playing t over V(x), and the logit of t being played when shown.
    V(x) is one more output of the member tower. Q(x, t) = Pr(quality | played) + V(x) + G(x, t).
    Scoring every title for a member is the title tower on its features and one small
    matrix–vector product."""

    HEADS = 3

    def __init__(self, genres, width=32, embedding=12):
        super().__init__()
        self.genres, self.embedding = genres, embedding
        member, title = genres + OBSERVATION_EXTRA, genres + TITLE_EXTRA
        self.member = torch.nn.Sequential(torch.nn.Linear(member, width), torch.nn.ReLU(),
                                          torch.nn.Linear(width, Values.HEADS * embedding + 1))
        self.title = torch.nn.Sequential(torch.nn.Linear(title, width), torch.nn.ReLU(),
                                         torch.nn.Linear(width, Values.HEADS * (embedding + 1)))

    def parts(self, m, g):
        """Member embeddings m [..., 3e+1], title embeddings g [..., K, 3(e+1)]: the quality logit, the
        gain G and the play logit [..., K], and V [...]."""
        e, h = self.embedding, Values.HEADS
        titles = g[..., : h * e].unflatten(-1, (h, e))  # [..., K, h, e]
        members = m[..., None, : h * e].unflatten(-1, (h, e))  # [..., 1, h, e]
        heads = (titles * members).sum(-1) + g[..., h * e:]  # [..., K, h]
        return heads[..., 0], heads[..., 1], heads[..., 2], m[..., h * e]

    def forward(self, x, t):
        """x [B, member], t [B, K, title]: Q [B, K], play logit [B, K], V [B]."""
        quality, gain, logit, v = self.parts(self.member(x), self.title(t))
        return torch.sigmoid(quality) + v.unsqueeze(-1) + gain, logit, v

    def value(self, x):
        return self.member(x)[..., Values.HEADS * self.embedding]

    def first_layer(self, t):
        """The title tower's first layer for titles t [K, title], before its ReLU."""
        with torch.no_grad():
            return self.title[0](t)

    def redrawn(self, first, t, share, rate):
        """``first_layer`` of t with its quality share and rate replaced by drawn ones: the layer is
        linear, so this adds the two columns' changes instead of multiplying the whole of t again."""
        g = t.shape[1] - TITLE_EXTRA
        w = self.title[0].weight
        with torch.no_grad():
            return first + torch.outer(share - t[:, g + 4], w[:, g + 4]) + torch.outer(rate - t[:, g + 5], w[:, g + 5])

    def scores(self, x, first):
        """Pr(played | shown) × (Q − V) = Pr(played | shown) × (Pr(quality | played) + G) of each title,
        for one observation x (a list) and the title tower's first layer on the titles (``first_layer``).

        ``forward``'s function, rearranged: each head's dot product with the member's embedding is
        folded into the title tower's last layer first, so the titles go through a width × 3
        product instead of width × (3e + 3). One member at a time, so that a score never depends
        on which requests a batch holds (a matrix product's rounding may)."""
        with torch.no_grad():
            e, h = self.embedding, Values.HEADS
            m = self.member(torch.tensor(x, dtype=torch.float32))
            last = self.title[2]
            members = m[: h * e].view(h, e)
            weights = last.weight[: h * e].view(h, e, -1)  # [h, e, width]
            folded = torch.einsum("he,hew->wh", members, weights) + last.weight[h * e:].T  # [width, h]
            offset = (last.bias[: h * e].view(h, e) * members).sum(-1) + last.bias[h * e:]
            heads = torch.relu(first) @ folded + offset  # [K, h]
            return torch.sigmoid(heads[:, 2]) * (torch.sigmoid(heads[:, 0]) + heads[:, 1])

    def save(self, path, meta):
        weights = {name: tensor.tolist() for name, tensor in self.state_dict().items()}
        with open(path + ".tmp", "w") as out:
            json.dump({"meta": meta, "weights": weights}, out)
        os.replace(path + ".tmp", path)  # a reader never sees half a model

    @staticmethod
    def load(path):
        with open(path) as source:
            saved = json.load(source)
        meta = saved["meta"]
        net = Values(meta["genres"], meta["width"], meta["embedding"])
        net.load_state_dict({name: torch.tensor(value, dtype=torch.float32) for name, value in saved["weights"].items()})
        return net, meta


def explored(count, share, draws):
    """The positions among ``count`` that each jump to the front with probability ``share``, independently:
    drawn as the geometric gaps between them, a few draws instead of one per position."""
    positions = []
    if share <= 0:
        return positions
    stay = math.log1p(-share) if share < 1 else -math.inf
    position = -1
    while True:
        position += 1 + int(math.log(1.0 - draws.random()) / stay)
        if position >= count:
            return positions
        positions.append(position)


def pages(net, titles, requests, draws, exploration, keep=False):
    """The ranked titles of each request: best score first on title features sampled from their
    posteriors; each candidate also jumps to the front with probability ``exploration``. The draws
    come from ``draws(request)``: a random.Random and a numpy Generator. With ``keep``, also each
    page's title features as the network saw them (for training)."""
    ranked, shown = [], []
    for request in requests:
        jumping, sampling = draws(request)
        features = titles.features(request.day)
        share, rate = titles.draw(sampling)
        first = net.redrawn(titles.first_layer(net), features, share, rate)
        scores = net.scores([float(v) for v in request.features], first)
        candidates = request.candidates
        if len(candidates) != len(scores):
            scores = scores[torch.tensor(candidates)]
        jumps = explored(len(candidates), exploration, jumping)
        for position in jumps:
            scores[position] = 1e9 + jumping.random()
        order = torch.sort(scores, descending=True, stable=True).indices[: request.count].tolist()  # ties: lower id first
        ranked.append([candidates[position] for position in order])
        if keep:
            page = ranked[-1]
            shown.append(with_draws(features[page], share[page], rate[page]))
    return ranked, shown


_SAMPLING = numpy.random.Generator(numpy.random.PCG64(0))


def request_draws(request):
    """A service's draws for one request: from its seed alone, so that a reply never depends on timing.
    The numpy generator is one, re-seeded per request by setting its state (a new generator per
    request costs ten times more)."""
    seed = request.seed & (2 ** 64 - 1)
    _SAMPLING.bit_generator.state = {"bit_generator": "PCG64", "has_uint32": 0, "uinteger": 0,
                                     "state": {"state": (_mix(seed) << 64) | _mix(seed ^ 0x5DEECE66D), "inc": 0xDA3E39CB94B95BDB}}
    return random.Random(request.seed), _SAMPLING


def _mix(z):
    """SplitMix64's finaliser: spreads a seed over 64 bits."""
    z = (z + 0x9E3779B97F4A7C15) & (2 ** 64 - 1)
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & (2 ** 64 - 1)
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & (2 ** 64 - 1)
    return z ^ (z >> 31)


def train(args):
    from loopsim.env import LoopsimEnv

    torch.manual_seed(args.seed)
    torch.set_num_threads(1)
    draws = random.Random(args.seed)
    sampling = numpy.random.default_rng(args.seed)
    env = LoopsimEnv(args.scenario, members=args.members, horizon_days=args.days, reward="quality-play")
    genres = env.hello.genres
    net, target = Values(genres, args.width, args.embedding), Values(genres, args.width, args.embedding)
    target.load_state_dict(net.state_dict())
    optimiser = torch.optim.Adam(net.parameters(), lr=args.learning_rate)
    replay = []  # (x, shown features [K, title], played position or -1, reward, x' or None, days to x')
    updates = 0
    try:
        for episode in range(args.episodes):
            observation, info = env.reset(seed=args.seed * 1000 + episode)  # a new world each episode
            titles = Titles(env.hello)
            pending = {}  # member -> (x, shown, position, reward, day): waiting for their next visit
            total = steps = 0
            while True:
                member, day, request = info["member"], info["day"], info["request"]
                x = [float(v) for v in observation]
                if member in pending:
                    before, shown, position, reward, then = pending.pop(member)
                    replay.append((before, shown, position, reward, x, day - then))
                (ranked,), (shown,) = pages(net, titles, [request], lambda _: (draws, sampling), args.exploration, keep=True)
                observation, reward, terminated, truncated, info = env.step(ranked)
                slot = info["played_slot"]
                position = slot if 0 <= slot < len(ranked) else -1
                titles.note(ranked, ranked[position] if position >= 0 else -1, reward > 0)
                if info["member_churned"]:
                    replay.append((x, shown, position, reward, None, 0.0))
                else:
                    pending[member] = (x, shown, position, reward, day)
                total += reward
                steps += 1
                if len(replay) >= args.batch and steps % args.learn_every == 0:
                    learn(net, target, optimiser, replay, draws, args)
                    updates += 1
                    if updates % 100 == 0:
                        target.load_state_dict(net.state_dict())
                if terminated or truncated:
                    break
            print("episode %d: %d visits, %.3f quality plays a visit" % (episode, steps, total / max(steps, 1)),
                  file=sys.stderr, flush=True)
            replay = replay[-args.memory:]
            net.save(args.out, {"genres": genres, "width": args.width, "embedding": args.embedding, "scenario": args.scenario,
                                "members": args.members, "days": args.days, "episodes": episode + 1, "seed": args.seed,
                                "discount_per_day": args.discount})  # after each episode: a stopped training keeps the last
    finally:
        env.close()
    print("wrote " + args.out, file=sys.stderr)


def learn(net, target, optimiser, replay, draws, args):
    batch = [replay[draws.randrange(len(replay))] for _ in range(args.batch)]
    width = max(b[1].shape[0] for b in batch)
    x = torch.tensor([b[0] for b in batch], dtype=torch.float32)
    shown = torch.stack([torch.nn.functional.pad(b[1], (0, 0, 0, width - b[1].shape[0])) for b in batch])
    present = torch.tensor([[1.0] * b[1].shape[0] + [0.0] * (width - b[1].shape[0]) for b in batch])
    position = torch.tensor([max(b[2], 0) for b in batch])
    played = torch.tensor([1.0 if b[2] >= 0 else 0.0 for b in batch])
    rewards = torch.tensor([float(b[3]) for b in batch])
    alive = torch.tensor([0.0 if b[4] is None else 1.0 for b in batch])
    after = torch.tensor([b[4] if b[4] is not None else b[0] for b in batch], dtype=torch.float32)
    discount = torch.tensor([args.discount ** b[5] for b in batch])
    with torch.no_grad():
        later_value = alive * discount * target.value(after)
        y = rewards + later_value
        future_target = later_value - target.value(x)  # what the play adds to V, later
    quality, gain, logit, v = net.parts(net.member(x), net.title(shown))
    at = position.unsqueeze(1)
    plays = played.sum().clamp(min=1)
    # What a play of t earns now is learned as a probability (its own, clean signal); what it leads
    # to, by TD, as its difference from V(x): a small number, where Q itself (about V, some ten
    # quality plays) would bury the differences between titles in its error. V by TD on the return.
    enjoyed = (torch.nn.functional.binary_cross_entropy_with_logits(quality.gather(1, at).squeeze(1), rewards,
                                                                    reduction="none") * played).sum() / plays
    later = ((gain.gather(1, at).squeeze(1) - future_target) ** 2 * played).sum() / plays
    chosen = torch.nn.functional.one_hot(position, width).float() * played.unsqueeze(1)
    chance = torch.nn.functional.binary_cross_entropy_with_logits(logit, chosen, weight=present, reduction="sum") / present.sum()
    loss = enjoyed + later + ((v - y) ** 2).mean() + chance
    optimiser.zero_grad()
    loss.backward()
    optimiser.step()


class DeepSlateQ(Policy):
    """The trained network, frozen; what it knows of the titles grows with each hour's feedback."""

    name = "deep-slateq"
    model = None  # the weights' path, set before serving
    exploration = 0.0

    def __init__(self, hello):
        super().__init__(hello)
        torch.set_num_threads(1)
        self.net, meta = Values.load(DeepSlateQ.model)
        if meta["genres"] != hello.genres:
            raise ValueError("the model was trained on %d genres, this run has %d" % (meta["genres"], hello.genres))
        self.titles = Titles(hello)

    def rank_batch(self, requests):
        ranked, _ = pages(self.net, self.titles, requests, request_draws, self.exploration)
        return ranked

    def rank(self, request):
        return self.rank_batch([request])[0]

    def learn(self, feedback):
        for visit in feedback.visits:
            slot = visit.played_slot
            played = visit.titles[slot] if 0 <= slot < len(visit.titles) else -1
            self.titles.note(visit.titles, played, visit.watch_fraction >= QUALITY_THRESHOLD)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", nargs="?", choices=["train", "serve"], default="serve")
    parser.add_argument("--model", help="serve: the weights 'train' wrote")
    parser.add_argument("--out", default="deep_slateq.json")
    parser.add_argument("--scenario", default="short-vs-long-term")
    parser.add_argument("--members", type=int, default=400)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--episodes", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--exploration", type=float, default=0.0, help="per candidate: jumps to the front (besides the sampling)")
    parser.add_argument("--discount", type=float, default=0.97, help="per day")
    parser.add_argument("--learning-rate", type=float, default=3e-3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--learn-every", type=int, default=4, help="visits between gradient steps")
    parser.add_argument("--width", type=int, default=32, help="of the towers' hidden layers")
    parser.add_argument("--embedding", type=int, default=12, help="of the towers' outputs")
    parser.add_argument("--memory", type=int, default=50000)
    args = parser.parse_args()
    if args.mode == "train":
        train(args)
    else:
        if not args.model:
            parser.error("serving needs --model (the weights 'train' wrote)")
        DeepSlateQ.model = args.model
        DeepSlateQ.exploration = args.exploration
        serve(DeepSlateQ)


if __name__ == "__main__":
    main()
