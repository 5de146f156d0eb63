/**
 * Fitting the visit model to an event log ("trainable", DESIGN §4): reading and sessionising a
 * log, the exact point-process likelihood, maximum-likelihood estimates with standard errors,
 * and goodness of fit by time rescaling and held-out visits.
 */
package dev.loopsim.users.fit;
