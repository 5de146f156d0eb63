/**
 * The adapter to MASON's discrete-event schedule. This is the only package that sees MASON;
 * the rest of loopsim sees {@link dev.loopsim.core.clock.Clock}.
 */
package dev.loopsim.core.clock.mason;
