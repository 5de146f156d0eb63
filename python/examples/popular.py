"""A popularity ranker served to loopsim: the README's complete example of a policy."""

import random

from loopsim import Policy, serve


class Popular(Policy):
    def __init__(self, hello):
        self.plays = [title.popularity_prior for title in hello.titles]
        self.order = sorted(range(len(self.plays)), key=lambda t: -self.plays[t])

    def rank(self, request):
        allowed = request.candidate_set
        ranked = [t for t in self.order if t in allowed][: request.count]
        rest = ranked[3:]
        random.Random(request.seed).shuffle(rest)  # a little variety below the top three
        return ranked[:3] + rest

    def learn(self, feedback):
        for visit in feedback.visits:
            if visit.played_title >= 0:
                self.plays[visit.played_title] += 1
        self.order = sorted(range(len(self.plays)), key=lambda t: -self.plays[t])


if __name__ == "__main__":
    serve(Popular)
