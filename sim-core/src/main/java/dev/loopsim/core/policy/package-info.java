/**
 * The policy side: rankers and page builders, the context a decision is made in, and the
 * batches of feedback learners receive. Implementations live in the policies module.
 */
package dev.loopsim.core.policy;
