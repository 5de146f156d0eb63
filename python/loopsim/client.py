"""loopsim's side of the protocol, from Python: start (or connect to) a policy service and ask it
what loopsim would, to test a service without running a simulation."""

import socket
import subprocess

from .protocol import VERSION, decode, encode


class ServiceError(RuntimeError):
    """The service replied with an error, or not as the protocol says."""


class PolicyClient:
    """``PolicyClient(command=[...])`` starts a service on stdio; ``PolicyClient(address=("host", port))`` connects."""

    def __init__(self, command=None, address=None, env=None):
        if (command is None) == (address is None):
            raise ValueError("give a command or an address")
        self._process = None
        self._socket = None
        if command is not None:
            self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
            self._in, self._out = self._process.stdin, self._process.stdout
        else:
            self._socket = socket.create_connection(address)
            self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            stream = self._socket.makefile("rw", encoding="utf-8", newline="\n")
            self._in = self._out = stream
        self._batches = 0

    def _exchange(self, message, expected):
        self._in.write(encode(message))
        self._in.flush()
        line = self._out.readline()
        if not line:
            raise ServiceError("the service closed the connection")
        reply = decode(line)
        if reply.get("type") == "error":
            raise ServiceError(reply.get("message", "(no message)"))
        if reply.get("type") != expected:
            raise ServiceError("expected %r, found %r" % (expected, line[:200]))
        return reply

    def hello(self, titles, genres, parameters=None, role="ranker"):
        """``titles``: dicts with id, release_day, popularity_prior, series, artworks and genres."""
        return self._exchange({"type": "hello", "protocol": VERSION, "role": role, "parameters": parameters or {},
                               "catalog": {"genres": genres, "titles": titles}}, "ready")

    def rank(self, requests):
        """``requests``: dicts with member, day, count, seed and candidates (a list); the replies, in order."""
        sets, index, wire = [], {}, []
        for request in requests:
            key = tuple(request["candidates"])
            if key not in index:
                index[key] = len(sets)
                sets.append(list(key))
            wire.append(dict(request, candidates=index[key]))
        self._batches += 1
        reply = self._exchange({"type": "rank", "batch": self._batches, "candidate_sets": sets, "requests": wire}, "ranked")
        if len(reply["replies"]) != len(requests):
            raise ServiceError("%d replies to %d requests" % (len(reply["replies"]), len(requests)))
        return reply["replies"]

    def learn(self, from_day, to_day, visits=(), rewards=()):
        return self._exchange({"type": "learn", "from_day": from_day, "to_day": to_day, "visits": list(visits),
                               "rewards": list(rewards)}, "learned")

    def retrain(self, day):
        return self._exchange({"type": "retrain", "day": day}, "retrained")

    def close(self):
        try:
            self._in.write(encode({"type": "bye"}))
            self._in.flush()
        except (BrokenPipeError, OSError):
            pass
        if self._process is not None:
            self._in.close()
            self._process.wait(timeout=10)
        if self._socket is not None:
            self._socket.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
