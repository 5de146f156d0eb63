"""Artwork by Thompson sampling per title, served to loopsim: `artwork: {type: remote, command: ...}`."""

import random

from loopsim import Policy, serve


class ThompsonArtwork(Policy):
    def __init__(self, hello):
        self.pool = [title.artworks for title in hello.titles]
        self.plays = {}  # (title, artwork) -> [plays, impressions]

    def artwork(self, request):
        draw = random.Random(request.seed)
        chosen = []
        for title in request.titles:
            if title < 0:
                chosen.append(0)
                continue
            counts = [self.plays.get((title, a), (0, 0)) for a in range(self.pool[title])]
            samples = [draw.betavariate(1 + p, 1 + n - p) for p, n in counts]
            chosen.append(max(range(len(samples)), key=samples.__getitem__))
        return chosen

    def learn(self, feedback):
        for visit in feedback.visits:
            for slot, (title, artwork) in enumerate(zip(visit.titles, visit.artworks)):
                if title >= 0:
                    p, n = self.plays.get((title, artwork), (0, 0))
                    self.plays[(title, artwork)] = (p + (slot == visit.played_slot), n + 1)


if __name__ == "__main__":
    serve(ThompsonArtwork)
