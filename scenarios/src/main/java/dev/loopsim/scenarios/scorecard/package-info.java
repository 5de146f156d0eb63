/**
 * The sim-to-real scorecard: how well a simulator trained on one log predicts what another policy
 * did, on the Open Bandit Dataset and in loopsim worlds whose truth is known.
 */
package dev.loopsim.scenarios.scorecard;
