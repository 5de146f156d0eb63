"""Row order by Thompson sampling, an arm per row kind, served to loopsim: `row_order: {type: remote, command: ...}`."""

import random

from loopsim import Policy, serve


class ThompsonRows(Policy):
    def __init__(self, hello):
        self.counts = {}  # row kind -> [plays from it, times shown]

    def row_order(self, request):
        draw = random.Random(request.seed)
        samples = []
        for kind in request.rows:
            plays, shown = self.counts.get(kind, (0, 0))
            samples.append(draw.betavariate(1 + plays, 1 + shown - plays))
        return sorted(range(len(request.rows)), key=lambda row: -samples[row])

    def learn(self, feedback):
        for visit in feedback.visits:
            played = visit.played_row_kind
            for kind in set(visit.row_kinds):
                plays, shown = self.counts.get(kind, (0, 0))
                self.counts[kind] = (plays + (kind == played), shown + 1)


if __name__ == "__main__":
    serve(ThompsonRows)
