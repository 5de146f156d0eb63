package dev.loopsim.results.ope;

import dev.loopsim.core.policy.FirstChoice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Off-policy estimates of each target from a logging run's recorded decisions. The reward model
 * is cross-fitted: fitted on the even rounds to predict the odd ones and the other way round, so
 * no round's prediction has seen its own reward (which would bias dm and dr toward the log).
 */
public final class RecordedEvaluation {
    private RecordedEvaluation() { }

    /**
     * @param actions the number of titles (action ids are title ids)
     * @return per target name, one estimate per estimator, in the order given
     */
    public static Map<String, List<OpeEstimate>> estimate(OpeRecorder recorder, int actions, List<Estimator> estimators) {
        List<OpeRecorder.Decision> decisions = recorder.decisions();
        List<BanditLog.Row> rows = decisions.stream().map(d -> new BanditLog.Row(d.action(), 1, d.reward(), d.propensity(),
                d.context(), new double[0])).toList();
        RewardModel[] folds = {RewardModel.fit(OfflineEvaluation.everyOther(rows, 0), actions),
            RewardModel.fit(OfflineEvaluation.everyOther(rows, 1), actions)};
        Map<String, List<OpeEstimate>> estimates = new LinkedHashMap<>();
        for (int t = 0; t < recorder.targetNames().size(); t++) {
            // Built once per target, not per estimator pass: every estimator reads each round several times.
            List<LoggedRound> rounds = new ArrayList<>(decisions.size());
            for (int i = 0; i < decisions.size(); i++) {
                OpeRecorder.Decision d = decisions.get(i);
                double[] probabilities = dense(d.targets()[t], d.pool(), actions);
                // The target chooses within the logger's pool (dense puts nothing elsewhere), so only a logger of
                // propensity 1 leaves some of the target's probability unseen.
                rounds.add(new LoggedRound(d.action(), d.reward(), d.propensity(), probabilities, folds[1 - i % 2].predict(rows.get(i)),
                        LoggedRound.unsupported(probabilities, d.action(), d.propensity(), title -> true)));
            }
            List<OpeEstimate> byEstimator = new ArrayList<>();
            for (Estimator estimator : estimators) {
                byEstimator.add(estimator.estimate(rounds));
            }
            estimates.put(recorder.targetNames().get(t), byEstimator);
        }
        return estimates;
    }

    /**
     * Slate estimates of each deterministic target's page value, by the slate estimators named.
     *
     * @param names slate estimator names (see {@link SlateEstimators})
     */
    public static Map<String, List<OpeEstimate>> estimateSlates(OpeRecorder recorder, List<String> names) {
        List<OpeRecorder.Decision> decisions = recorder.decisions();
        Map<String, List<OpeEstimate>> estimates = new LinkedHashMap<>();
        for (int t = 0; t < recorder.targetNames().size(); t++) {
            List<SlateRound> rounds = new ArrayList<>(decisions.size());
            for (OpeRecorder.Decision d : decisions) {
                double[] rewards = new double[d.slate().length];
                if (d.playedSlot() >= 0) {
                    rewards[d.playedSlot()] = 1;
                }
                rounds.add(new SlateRound(d.slate(), d.slotPropensities(), d.pool().length, rewards, d.targetSlates()[t]));
            }
            List<OpeEstimate> byEstimator = new ArrayList<>();
            for (String name : names) {
                byEstimator.add(SlateEstimators.estimate(name, rounds));
            }
            estimates.put(recorder.targetNames().get(t), byEstimator);
        }
        return estimates;
    }

    /** π(a | x) for every title: the choice's probability on the pool, 0 elsewhere. */
    static double[] dense(FirstChoice choice, int[] pool, int actions) {
        double[] p = new double[actions];
        for (int title : pool) {
            p[title] = choice.probability(title);
        }
        return p;
    }
}
