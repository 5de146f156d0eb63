/**
 * Bandit algorithms over K arms, with or without a context vector. Each choice reports its
 * propensity: the probability the policy had of making it.
 */
package dev.loopsim.policies.bandit;
