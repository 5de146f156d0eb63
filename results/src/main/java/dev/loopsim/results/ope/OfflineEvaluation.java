package dev.loopsim.results.ope;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopsim.results.io.Csv;
import dev.loopsim.results.io.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Off-policy evaluation of target policies on a logged file. The reward model (for dm, the dr
 * family and the learned targets) must not see the rewards it is judged on, so either:
 * <ul>
 *   <li>the log is split in time: fitted on the first {@code trainShare}, estimates on the rest; or</li>
 *   <li>with {@code trainShare} 0, every round is evaluated and the model is cross-fitted: fitted
 *   on the even rounds for the odd ones and on the odd for the even. A learned target is then the
 *   policy learned from the other half, in each half.</li>
 * </ul>
 *
 * @param log         the log
 * @param trainRows   rounds the reward model was fitted on (0 when cross-fitted)
 * @param evalRows    rounds the estimates are made on
 * @param results     one estimate per target and estimator
 */
public record OfflineEvaluation(BanditLog log, int trainRows, int evalRows, List<Result> results) {

    public record Result(String target, OpeEstimate estimate) { }

    /** Whether the reward model was cross-fitted on the evaluated rounds rather than fitted on a split. */
    public boolean crossFitted() {
        return trainRows == 0;
    }

    public static OfflineEvaluation run(BanditLog log, double trainShare, List<String> targets, List<Estimator> estimators) {
        if (!(trainShare >= 0 && trainShare < 1)) {
            throw new IllegalArgumentException("the training share must be in [0, 1), found " + trainShare);
        }
        int split = (int) Math.floor(trainShare * log.rows().size());
        List<BanditLog.Row> eval = log.rows().subList(split, log.rows().size());
        // Fold f's model predicts the rounds of fold f: the training split, or the other parity when cross-fitted.
        RewardModel[] models = split > 0 ? new RewardModel[] {RewardModel.fit(log.rows().subList(0, split), log.actions())}
                : new RewardModel[] {RewardModel.fit(everyOther(eval, 1), log.actions()), RewardModel.fit(everyOther(eval, 0), log.actions())};
        boolean[] logged = log.loggedActions();
        List<Result> results = new ArrayList<>();
        boolean affinities = !log.rows().isEmpty() && log.rows().get(0).affinity().length == log.actions();
        for (String spec : targets) {
            String kind = spec.trim().split(":", 2)[0];
            if (!affinities && (kind.equals("greedy-affinity") || kind.equals("epsilon-greedy"))) {
                throw new IllegalArgumentException("'" + spec + "' acts on the members' logged affinities, which this log "
                        + "does not have; try uniform, item-greedy or contextual-greedy");
            }
            TargetPolicy[] target = new TargetPolicy[models.length];
            for (int f = 0; f < models.length; f++) {
                target[f] = TargetPolicy.parse(spec, log.actions(), models[f]);
            }
            List<LoggedRound> rounds = new ArrayList<>(eval.size());
            for (int i = 0; i < eval.size(); i++) {
                BanditLog.Row row = eval.get(i);
                int fold = i % models.length;
                double[] probabilities = target[fold].probabilities(row);
                rounds.add(new LoggedRound(row.action(), row.reward(), row.propensity(), probabilities, models[fold].predict(row),
                        LoggedRound.unsupported(probabilities, row.action(), row.propensity(), a -> logged[a])));
            }
            for (Estimator estimator : estimators) {
                results.add(new Result(target[0].name(), estimator.estimate(rounds)));
            }
        }
        return new OfflineEvaluation(log, split, eval.size(), results);
    }

    static List<BanditLog.Row> everyOther(List<BanditLog.Row> rows, int parity) {
        List<BanditLog.Row> part = new ArrayList<>();
        for (int i = parity; i < rows.size(); i += 2) {
            part.add(rows.get(i));
        }
        return part;
    }

    /** Every estimate at full precision (shortest round-trip decimals), a row each: what {@code loopsim ope --out} writes. */
    public String csv() {
        List<String> header = new ArrayList<>(List.of("target", "estimator"));
        header.addAll(OpeEstimate.COLUMNS);
        Csv csv = new Csv(header);
        for (Result r : results) {
            List<Object> fields = new ArrayList<>(List.of(r.target(), r.estimate().estimator()));
            fields.addAll(r.estimate().fields());
            csv.row(fields.toArray());
        }
        return csv.toString();
    }

    /** The same as JSON, with the log and how it was split. */
    public String json() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("log", log.source());
        root.put("rounds", log.rows().size());
        root.put("evaluated_rounds", evalRows);
        root.put("cross_fitted", crossFitted());
        Json.number(root, "logged_value", loggedValue());
        ArrayNode estimates = root.putArray("estimates");
        for (Result r : results) {
            ObjectNode node = estimates.addObject();
            node.put("target", r.target());
            node.put("estimator", r.estimate().estimator());
            List<Object> fields = r.estimate().fields();
            for (int i = 0; i < fields.size(); i++) {
                String column = OpeEstimate.COLUMNS.get(i);
                if (fields.get(i) instanceof Double d) {
                    Json.number(node, column, d);
                } else if (fields.get(i) instanceof Long l) {
                    node.put(column, l);
                } else {
                    node.put(column, String.valueOf(fields.get(i)));
                }
            }
        }
        return Json.write(root) + "\n";
    }

    /** The logged policy's own mean reward on the evaluated rounds: its on-policy value. */
    public double loggedValue() {
        return log.meanReward(log.rows().subList(trainRows, log.rows().size()));
    }
}
