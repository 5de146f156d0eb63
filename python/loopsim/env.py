"""A Gymnasium-style environment over a loopsim scenario: one step per visit.

``LoopsimEnv("quickstart", members=1)`` runs the scenario with a single cell whose ranker is the
agent. ``reset`` starts a run and returns the first visit's observation; ``step(action)`` shows the
page the action ranks, and returns the next visit's observation, this visit's reward, whether the
member left (``terminated``) or the run reached its horizon (``truncated``), and ``info``. With one
member an episode is that member's life; with more, visits of all members come in time order within
each update window, and ``info["member"]`` says whose each is. It uses ``gymnasium`` when installed
(``LoopsimEnv`` is then a ``gymnasium.Env`` with ``Box`` spaces and numpy observations) and the same
interface with small stand-in spaces and lists when it is not.
"""

import math
import os
import random
import shutil
import socket
import subprocess
import tempfile

from .protocol import Hello, Request, decode, encode

try:  # gymnasium (and with it numpy) when present
    import gymnasium
    import numpy
except ImportError:  # the same interface without them
    gymnasium = None
    numpy = None

ACKNOWLEDGED = {"learn": "learned", "retrain": "retrained"}  # the agent learns from step's rewards, not from these
OBSERVATION_EXTRA = 5  # besides the genre shares: recency, visits, plays, tenure, completed share (Observation.java)
QUALITY_THRESHOLD = 0.5  # the watch fraction from which a play is a quality play (the quality-play reward)


class Box:
    """A stand-in for ``gymnasium.spaces.Box`` when gymnasium is not installed: bounds and a shape."""

    def __init__(self, low, high, shape, seed=None):
        self.low, self.high, self.shape = low, high, tuple(shape)
        self._random = random.Random(seed)

    def sample(self):
        size = self.shape[0]
        low = self.low if self.low > -math.inf else -1.0
        high = self.high if self.high < math.inf else 1.0
        return [self._random.uniform(low, high) for _ in range(size)]

    def contains(self, value):
        return len(value) == self.shape[0] and all(self.low <= v <= self.high for v in value)

    def seed(self, seed=None):
        self._random = random.Random(seed)


def _box(low, high, size):
    if gymnasium is not None:
        return gymnasium.spaces.Box(low=low, high=high, shape=(size,), dtype=numpy.float64)
    return Box(low, high, (size,))


def _home():
    return os.environ.get("LOOPSIM_HOME") or os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def observe(request):
    """The observation of a visit: the request's ``features``, loopsim's one definition of it."""
    return numpy.asarray(request.features, dtype=numpy.float64) if numpy is not None else list(request.features)


class LoopsimEnv(gymnasium.Env if gymnasium is not None else object):
    """One step per visit of a loopsim scenario; the agent ranks the page.

    :param scenario: a bundled scenario's name or a YAML file
    :param members: overrides ``world.population.members`` (1 makes an episode one member's life)
    :param horizon_days: overrides the scenario's horizon
    :param reward: ``quality-play`` (1 when the visit's play is watched to ``quality_threshold``),
        ``play`` (1 for any play) or ``watch`` (the watch fraction)
    :param overrides: more ``--set`` assignments, such as ``{"world.churn.min_visits_per_week": 2}``
    :param loopsim: the command that runs loopsim (default: the checkout's ``./loopsim`` launcher)

    The action is a score per title (``action_space``, one per catalog title): the page shows the
    visit's candidates best score first. A list of title ids is taken as the ranking itself.
    """

    metadata = {"render_modes": []}

    def __init__(self, scenario="quickstart", members=None, horizon_days=None, reward="quality-play",
                 quality_threshold=QUALITY_THRESHOLD, overrides=None, loopsim=None):
        if reward not in ("quality-play", "play", "watch"):
            raise ValueError("reward must be quality-play, play or watch, found %r" % (reward,))
        self.scenario = scenario
        self.reward_kind = reward
        self.quality_threshold = quality_threshold
        self.overrides = dict(overrides or {})
        if members is not None:
            self.overrides["world.population.members"] = members
        if horizon_days is not None:
            self.overrides["horizon_days"] = horizon_days
            self.overrides.setdefault("metrics.retention_days", "[]")  # the scenario's may lie beyond a shorter horizon
        self.loopsim = loopsim
        self._process = None
        self._connection = None
        self._folder = None
        self._pending = None
        self._fresh = None  # the seed of a run started but not yet stepped, or None
        self._finished = False  # whether the current run said bye
        self._next_seed = 0
        self.hello = None
        self._start(seed=0)  # the spaces need the catalog: the first run's hello gives it, and reset() uses that run
        titles = len(self.hello.titles)
        self.observation_space = _box(-math.inf, math.inf, self.hello.genres + OBSERVATION_EXTRA)
        self.action_space = _box(-math.inf, math.inf, titles)

    # -- the run behind an episode ------------------------------------------------------------

    def _command(self, seed, port):
        launcher = self.loopsim or os.path.join(_home(), "loopsim")  # the launcher rebuilds loopsim when its sources changed
        if isinstance(launcher, str):
            launcher = [launcher]
        cell = ("cells=[{name: agent, ranker: {type: remote, connect: '127.0.0.1:%d', outcomes: true, timeout: 86400}}]"
                % port)
        command = list(launcher) + ["run", self.scenario, "--seed", str(seed), "--threads", "1", "-q",
                                    "--out", os.path.join(self._folder, "run"), "--set", cell, "--set", "expectations=[]", "--set", "replicates=1"]
        for key, value in self.overrides.items():
            command += ["--set", "%s=%s" % (key, value)]
        return command

    def _start(self, seed):
        self._stop()
        self._folder = tempfile.mkdtemp(prefix="loopsim-env-")
        listener = socket.create_server(("127.0.0.1", 0))
        listener.settimeout(0.2)
        port = listener.getsockname()[1]
        env = dict(os.environ, LOOPSIM_HOME=_home())
        self._log = open(os.path.join(self._folder, "loopsim.log"), "w")
        self._process = subprocess.Popen(self._command(seed, port), stdout=self._log, stderr=subprocess.STDOUT, env=env)
        try:
            while True:  # the first run may build loopsim first; a bad scenario ends it before it connects
                try:
                    connection, _ = listener.accept()
                    break
                except socket.timeout:
                    if self._process.poll() is not None:
                        raise RuntimeError("loopsim stopped before its run began (exit %d): %s"
                                           % (self._process.returncode, self._tail()))
        finally:
            listener.close()
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._connection = connection
        self._stream = connection.makefile("rw", encoding="utf-8", newline="\n")
        message = self._read()
        if message is None or message.get("type") != "hello":
            raise RuntimeError("loopsim did not say hello: " + self._tail())
        self.hello = Hello(message)
        self._send({"type": "ready", "protocol": 1, "name": "loopsim-env"})
        self._fresh = seed
        self._finished = False
        self._next_seed = seed + 1

    def _tail(self):
        self._log.flush()
        with open(os.path.join(self._folder, "loopsim.log")) as log:
            return log.read()[-2000:]

    def _read(self):
        line = self._stream.readline()
        return decode(line) if line else None

    def _send(self, message):
        self._stream.write(encode(message))
        self._stream.flush()

    def _stop(self):
        """Ends the current run: waits for one that said bye, stops one abandoned mid-episode."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if self._process is not None:
            if self._finished:
                code = self._process.wait(timeout=120)
                if code not in (0, 1):  # 1: an expectation failed, which the environment does not use
                    raise RuntimeError("loopsim failed (exit %d): %s" % (code, self._tail()))
            else:
                self._process.kill()
                self._process.wait(timeout=120)
            self._process = None
            self._log.close()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
        self._pending = None

    def _advance(self):
        """Answers learn and retrain until the next decision (returned) or the end of the run (None); notes outcomes."""
        while True:
            message = self._read()
            if message is None:
                raise RuntimeError("loopsim stopped mid-run: " + self._tail())
            kind = message["type"]
            if kind == "rank":
                if len(message["requests"]) != 1:
                    raise RuntimeError("a visit-by-visit run asks one decision at a time")
                return Request(message["requests"][0], message["candidate_sets"], {})
            if kind == "outcome":
                self._outcomes.append(message)
            elif kind in ACKNOWLEDGED:
                self._send({"type": ACKNOWLEDGED[kind]})
            elif kind == "bye":
                self._finished = True
                return None

    def _observation(self, request):
        if request is None:
            size = self.hello.genres + OBSERVATION_EXTRA
            return numpy.zeros(size) if numpy is not None else [0.0] * size
        return observe(request)

    @staticmethod
    def _info(request):
        if request is None:
            return {}
        return {"member": request.member.id, "day": request.day, "candidates": request.candidates, "count": request.count,
                "request": request}

    # -- the Gymnasium API --------------------------------------------------------------------

    def reset(self, seed=None, options=None):
        """Starts a run (the scenario's seed is ``seed``, else the next one) and returns its first visit."""
        if gymnasium is not None:
            super().reset(seed=seed)
        if seed is None:
            seed = self._fresh if self._fresh is not None else self._next_seed
        if seed != self._fresh:
            self._start(seed)
        self._fresh = None
        self._outcomes = []
        self._pending = self._advance()
        if self._pending is None:
            raise RuntimeError("the run has no visit to step: give it more members or days")
        return self._observation(self._pending), self._info(self._pending)

    def _ranking(self, action, request):
        if len(action) and all(isinstance(a, int) for a in action) and len(action) <= request.count:
            return list(action)
        candidates = request.candidates
        ranked = sorted(candidates, key=lambda title: (-float(action[title]), title))
        return ranked[: request.count]

    def _reward(self, visit):
        played = visit["played_slot"] >= 0 or visit["searched_title"] >= 0
        if self.reward_kind == "play":
            return 1.0 if played else 0.0
        if self.reward_kind == "watch":
            return float(visit["watch_fraction"])
        return 1.0 if played and visit["watch_fraction"] >= self.quality_threshold else 0.0

    def step(self, action):
        if self._pending is None:
            raise RuntimeError("call reset() first: the episode is over")
        request = self._pending
        self._send({"type": "ranked", "replies": [{"titles": self._ranking(action, request)}]})
        self._outcomes = []
        self._pending = self._advance()
        outcome = next((o for o in self._outcomes if o["visit"]["member"] == request.member.id), None)
        if outcome is None:
            raise RuntimeError("loopsim sent no outcome for member %d's visit" % request.member.id)
        reward = self._reward(outcome["visit"])
        info = self._info(self._pending)
        info.update(played_slot=outcome["visit"]["played_slot"], watch_fraction=outcome["visit"]["watch_fraction"],
                    member_churned=outcome["churned"], member_last_visit=outcome["last"])
        single = self.overrides.get("world.population.members") == 1
        if self._pending is None:  # the run is over
            return self._observation(None), reward, bool(single and outcome["churned"]), not (single and outcome["churned"]), info
        return self._observation(self._pending), reward, False, False, info

    def close(self):
        self._stop()
