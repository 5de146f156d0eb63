package dev.loopsim.results.ope;

import java.util.ArrayList;
import java.util.List;

/**
 * Off-policy evaluation of target policies on a logged file: the log is split in time, the
 * reward model (for dm, dr, switch-dr and the learned targets) is fitted on the first part, and
 * every estimator is evaluated on the rest.
 *
 * @param log         the log
 * @param trainRows   rounds the reward model was fitted on
 * @param evalRows    rounds the estimates are made on
 * @param results     one estimate per target and estimator
 */
public record OfflineEvaluation(BanditLog log, int trainRows, int evalRows, List<Result> results) {

    public record Result(String target, OpeEstimate estimate) { }

    /**
     * @param trainShare share of the log (its first rounds) kept for fitting, in [0, 1);
     *                   with 0 the reward model is fitted on the evaluated rounds themselves
     */
    public static OfflineEvaluation run(BanditLog log, double trainShare, List<String> targets, List<Estimator> estimators) {
        if (!(trainShare >= 0 && trainShare < 1)) {
            throw new IllegalArgumentException("the training share must be in [0, 1), found " + trainShare);
        }
        int split = (int) Math.floor(trainShare * log.rows().size());
        List<BanditLog.Row> train = log.rows().subList(0, split);
        List<BanditLog.Row> eval = log.rows().subList(split, log.rows().size());
        RewardModel model = RewardModel.fit(split == 0 ? eval : train, log.actions());
        List<Result> results = new ArrayList<>();
        boolean affinities = !log.rows().isEmpty() && log.rows().get(0).affinity().length == log.actions();
        for (String spec : targets) {
            String kind = spec.trim().split(":", 2)[0];
            if (!affinities && (kind.equals("greedy-affinity") || kind.equals("epsilon-greedy"))) {
                throw new IllegalArgumentException("'" + spec + "' acts on the members' logged affinities, which this log "
                        + "does not have; try uniform, item-greedy or contextual-greedy");
            }
            TargetPolicy target = TargetPolicy.parse(spec, log.actions(), model);
            List<LoggedRound> rounds = eval.stream().map(row -> new LoggedRound(row.action(), row.reward(), row.propensity(),
                    target.probabilities(row), model.predict(row))).toList();
            for (Estimator estimator : estimators) {
                results.add(new Result(target.name(), estimator.estimate(rounds)));
            }
        }
        return new OfflineEvaluation(log, split, eval.size(), results);
    }

    /** The logged policy's own mean reward on the evaluated rounds: its on-policy value. */
    public double loggedValue() {
        return log.meanReward(log.rows().subList(trainRows, log.rows().size()));
    }
}
