"""The trivial policy of `loopsim bench`'s remote workload: uniformly random titles from the request's seed, like loopsim's `random`."""

import random

from loopsim import Policy, serve


class Uniform(Policy):
    def rank(self, request):
        return random.Random(request.seed).sample(request.candidates, min(request.count, len(request.candidates)))


if __name__ == "__main__":
    serve(Uniform)
