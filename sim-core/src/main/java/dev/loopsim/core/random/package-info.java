/**
 * Reproducible random streams: one per (seed, replicate, purpose, entity), so that adding an
 * entity or a thread never shifts anyone else's draws.
 */
package dev.loopsim.core.random;
