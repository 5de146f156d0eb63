"""Serve a policy to loopsim: ``serve(MyPolicy)`` in a script that a scenario starts as its ``command``.

A policy is a class built from the session's :class:`~loopsim.protocol.Hello`, with ``rank`` and,
if it learns, ``learn`` and ``retrain``. Each session (each cell of each replicate) gets a fresh instance.
"""

import socket
import socketserver
import sys
import traceback

from .protocol import VERSION, ArtworkRequest, Feedback, Hello, Request, RowOrderRequest, decode, encode


class Policy:
    """Base class: override ``rank``; ``learn`` and ``retrain`` do nothing unless overridden."""

    name = None

    def __init__(self, hello):
        self.hello = hello

    def rank(self, request):
        """Up to ``request.count`` distinct titles from ``request.candidates``, best first.

        Return a list of title ids, or ``(titles, propensities)`` with the probability of each
        choice given the ones before it, for off-policy evaluation.
        """
        raise NotImplementedError

    def rank_batch(self, requests):
        """The answers to a batch of requests, in order: ``rank`` of each unless overridden (a policy
        that scores a whole batch at once, such as a neural network, answers faster)."""
        return [self.rank(request) for request in requests]

    def artwork(self, request):
        """For a policy that chooses artwork (``artwork: {type: remote}``): an artwork index per slot of
        ``request.titles`` (any value for an empty slot, such as 0)."""
        raise NotImplementedError

    def row_order(self, request):
        """For a policy that orders rows (``row_order: {type: remote}``): every index of ``request.rows``
        once, best first."""
        raise NotImplementedError

    def learn(self, feedback):
        """The feedback of the last update window (a :class:`~loopsim.protocol.Feedback`)."""

    def retrain(self, day):
        """A batch retrain, on the scenario's ``retrain_every``."""


class Session:
    """Answers one connection's messages; kept apart from the transport so tests can drive it directly."""

    def __init__(self, policy_factory):
        self.factory = policy_factory
        self.policy = None

    def handle(self, message):
        """The reply to one message, or None after ``bye``."""
        kind = message.get("type")
        try:
            if kind == "hello":
                self.policy = self.factory(Hello(message))
                name = getattr(self.policy, "name", None) or type(self.policy).__name__
                return {"type": "ready", "protocol": VERSION, "name": name}
            if kind == "rank":
                sets = message["candidate_sets"]
                cache = {}
                replies = []
                for chosen in self.policy.rank_batch([Request(raw, sets, cache) for raw in message["requests"]]):
                    if isinstance(chosen, tuple):
                        titles, propensities = chosen
                        replies.append({"titles": list(titles), "propensities": list(propensities)})
                    else:
                        replies.append({"titles": list(chosen)})
                return {"type": "ranked", "replies": replies}
            if kind == "artwork":
                replies = [{"artworks": list(self.policy.artwork(ArtworkRequest(raw)))} for raw in message["requests"]]
                return {"type": "chosen", "replies": replies}
            if kind == "row_order":
                replies = [{"order": list(self.policy.row_order(RowOrderRequest(raw)))} for raw in message["requests"]]
                return {"type": "ordered", "replies": replies}
            if kind == "learn":
                self.policy.learn(Feedback(message))
                return {"type": "learned"}
            if kind == "retrain":
                self.policy.retrain(message["day"])
                return {"type": "retrained"}
            if kind == "bye":
                return None
            return {"type": "error", "message": "unknown message type %r" % (kind,)}
        except Exception as failure:  # the run stops with this message; the traceback goes to stderr
            traceback.print_exc(file=sys.stderr)
            return {"type": "error", "message": "%s: %s" % (type(failure).__name__, failure)}


def _serve_lines(policy_factory, lines, write):
    session = Session(policy_factory)
    for line in lines:
        if not line.strip():
            continue
        reply = session.handle(decode(line))
        if reply is None:
            return
        write(encode(reply))


def serve(policy_factory, port=None, host="127.0.0.1"):
    """Serves over stdin and stdout (a scenario's ``command``), or on ``host:port`` (its ``connect``).

    Over stdio, ``print`` in the policy goes to stderr, which loopsim shows, so it cannot break the
    protocol. Over TCP each connection is its own session, served on its own thread.
    """
    if port is None:
        protocol_out = sys.stdout
        sys.stdout = sys.stderr

        def write(text):
            protocol_out.write(text)
            protocol_out.flush()

        _serve_lines(policy_factory, sys.stdin, write)
        return

    class Handler(socketserver.StreamRequestHandler):
        def handle(self):
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            lines = (raw.decode("utf-8") for raw in self.rfile)

            def write(text):
                self.wfile.write(text.encode("utf-8"))
                self.wfile.flush()

            _serve_lines(policy_factory, lines, write)

    class Server(socketserver.ThreadingTCPServer):
        allow_reuse_address = True
        daemon_threads = True

    with Server((host, port), Handler) as server:
        print("loopsim policy service on %s:%d" % server.server_address, file=sys.stderr, flush=True)
        server.serve_forever()
