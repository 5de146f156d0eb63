/** Rankers: order titles for a member, batch ones retraining on the run's own logs. */
package dev.loopsim.policies.ranking;
