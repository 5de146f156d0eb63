/**
 * The discrete-event engine. Global events (releases, joins, policy updates, retrains,
 * snapshots) run on a {@link dev.loopsim.core.clock.Clock}; between two of them policies
 * are frozen, so members' visits and rewards run in parallel shards and merge in a fixed order.
 */
package dev.loopsim.core.engine;
