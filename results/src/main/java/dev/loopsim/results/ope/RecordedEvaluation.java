package dev.loopsim.results.ope;

import dev.loopsim.core.policy.FirstChoice;
import java.util.AbstractList;
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
            int target = t;
            List<LoggedRound> rounds = new AbstractList<>() {
                @Override
                public LoggedRound get(int i) {
                    OpeRecorder.Decision d = decisions.get(i);
                    double[] probabilities = dense(d.targets()[target], d.pool(), actions);
                    // The logger chose among the pool: only there can its propensities see the target.
                    return new LoggedRound(d.action(), d.reward(), d.propensity(), probabilities, folds[1 - i % 2].predict(rows.get(i)),
                            LoggedRound.unsupported(probabilities, d.action(), d.propensity(), inPool(d.pool(), actions)));
                }

                @Override
                public int size() {
                    return decisions.size();
                }
            };
            List<OpeEstimate> byEstimator = new ArrayList<>();
            for (Estimator estimator : estimators) {
                byEstimator.add(estimator.estimate(rounds));
            }
            estimates.put(recorder.targetNames().get(t), byEstimator);
        }
        return estimates;
    }

    private static java.util.function.IntPredicate inPool(int[] pool, int actions) {
        java.util.BitSet in = new java.util.BitSet(actions);
        for (int title : pool) {
            in.set(title);
        }
        return in::get;
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
