/**
 * The schedule of global events: the {@link dev.loopsim.core.clock.Clock} the engine runs on, and
 * the order of events that share an instant. Its one implementation, on MASON, lives in the
 * sub-package, so neither the engine nor anything else depends on MASON.
 */
package dev.loopsim.core.clock;
