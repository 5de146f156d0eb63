"""The loopsim policy-service protocol, version 1: JSON objects, one per line, each answered by one line.

loopsim sends ``hello`` once, then ``rank`` (a batch of decisions), ``learn`` (the feedback of an
update window), ``retrain`` and finally ``bye``. The README's "Bring your own policy" is the reference.
"""

import json

VERSION = 1


class Title:
    """A title as a policy may see it: no latent vector or quality, which only the simulated world knows."""

    __slots__ = ("id", "release_day", "popularity_prior", "series", "artworks", "genres", "artwork_themes")

    def __init__(self, raw):
        self.id = raw["id"]
        self.release_day = raw["release_day"]
        self.popularity_prior = raw["popularity_prior"]
        self.series = raw["series"]
        self.artworks = raw["artworks"]
        self.genres = raw["genres"]
        self.artwork_themes = raw.get("artwork_themes", [])  # per artwork, its theme mixture


class Hello:
    """The start of a session: the role (``ranker``), the catalog and the scenario's ``parameters``."""

    def __init__(self, raw):
        self.raw = raw
        self.role = raw.get("role", "ranker")
        self.parameters = raw.get("parameters", {})
        catalog = raw["catalog"]
        self.genres = catalog["genres"]
        self.titles = [Title(t) for t in catalog["titles"]]


class Member:
    """What a service observes of the visiting member: history, never tastes or satisfaction."""

    __slots__ = ("id", "join_day", "visits", "plays", "recent_plays", "recent_visit_days", "last_page", "genre_shares")

    def __init__(self, raw):
        self.id = raw["id"]
        self.join_day = raw["join_day"]
        self.visits = raw["visits"]
        self.plays = raw["plays"]
        self.recent_plays = raw["recent_plays"]  # [title, artwork, day, completed], latest first
        self.recent_visit_days = raw["recent_visit_days"]  # latest first
        self.last_page = raw["last_page"]
        self.genre_shares = raw["genre_shares"]  # mean genre mixture of the recent plays


class Request:
    """One decision: rank up to ``count`` of ``candidates`` for ``member`` at ``day``.

    ``seed`` is the only randomness the answer may use: a reply that depends on anything but the
    request and the feedback learned so far makes runs differ with thread count and timing.
    """

    __slots__ = ("member", "features", "day", "count", "seed", "candidates", "_sets")

    def __init__(self, raw, candidate_sets, set_cache):
        self.member = Member(raw["member"])
        # loopsim's observation of the visit as numbers (the README's "Observation"), for learners
        self.features = raw["features"]
        self.day = raw["day"]
        self.count = raw["count"]
        self.seed = raw["seed"]
        index = raw["candidates"]
        self.candidates = candidate_sets[index]  # ascending title ids
        self._sets = (set_cache, index)

    @property
    def candidate_set(self):
        """The candidates as a frozenset, built once per batch for requests that share them."""
        cache, index = self._sets
        found = cache.get(index)
        if found is None:
            found = cache[index] = frozenset(self.candidates)
        return found


class ArtworkRequest:
    """One page's artworks: for each slot of ``titles`` (-1 empty), the index of its artwork.

    ``hello.titles[t].artworks`` is how many title t has; ``seed`` is the only randomness to use.
    """

    __slots__ = ("member", "features", "day", "seed", "titles")

    def __init__(self, raw):
        self.member = Member(raw["member"])
        self.features = raw["features"]
        self.day = raw["day"]
        self.seed = raw["seed"]
        self.titles = raw["titles"]


class RowOrderRequest:
    """One page's row order: the plan's ``rows`` (their kinds, such as ``top-picks`` or ``genre:3``),
    to be answered with every row index once, best first. ``seed`` is the only randomness to use."""

    __slots__ = ("member", "features", "day", "seed", "rows")

    def __init__(self, raw):
        self.member = Member(raw["member"])
        self.features = raw["features"]
        self.day = raw["day"]
        self.seed = raw["seed"]
        self.rows = raw["rows"]


class Visit:
    """A logged visit: the page shown (titles slot by slot, -1 empty, ``columns`` to a row, the rows'
    kinds in ``row_kinds``) and what was played."""

    __slots__ = ("day", "member", "titles", "artworks", "columns", "row_kinds", "played_slot", "searched_title",
                 "watch_fraction")

    def __init__(self, raw):
        self.day = raw["day"]
        self.member = raw["member"]
        self.titles = raw["titles"]
        self.artworks = raw["artworks"]
        self.columns = raw.get("columns", 1)
        self.row_kinds = raw.get("row_kinds", [])
        self.played_slot = raw["played_slot"]
        self.searched_title = raw["searched_title"]
        self.watch_fraction = raw["watch_fraction"]

    @property
    def played_row_kind(self):
        """The kind of the row the play came from, or None (nothing played, or a play from search)."""
        if self.played_slot < 0 or not self.row_kinds:
            return None
        return self.row_kinds[self.played_slot // self.columns]

    @property
    def played_title(self):
        """The title played from the page or from search, or -1."""
        return self.titles[self.played_slot] if self.played_slot >= 0 else self.searched_title


class Reward:
    """A delayed reward: the member completed ``title`` (played at ``play_day``)."""

    __slots__ = ("day", "member", "title", "artwork", "play_day", "value")

    def __init__(self, raw):
        self.day = raw["day"]
        self.member = raw["member"]
        self.title = raw["title"]
        self.artwork = raw["artwork"]
        self.play_day = raw["play_day"]
        self.value = raw["value"]


class Feedback:
    """The feedback of one update window (from_day, to_day], ordered by time, then member."""

    def __init__(self, raw):
        self.from_day = raw["from_day"]
        self.to_day = raw["to_day"]
        self.visits = [Visit(v) for v in raw["visits"]]
        self.rewards = [Reward(r) for r in raw["rewards"]]


def encode(message):
    """One protocol line."""
    return json.dumps(message, separators=(",", ":")) + "\n"


def decode(line):
    return json.loads(line)
