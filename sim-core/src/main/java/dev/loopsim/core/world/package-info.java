/**
 * The simulated world: titles, members and the mutable state of a member during a run, plus
 * the pages members are shown.
 */
package dev.loopsim.core.world;
