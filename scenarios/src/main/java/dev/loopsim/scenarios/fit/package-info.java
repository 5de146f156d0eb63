/** The file {@code loopsim fit} writes: a {@code visit_model:} block a scenario can include, with the fit's diagnostics. */
package dev.loopsim.scenarios.fit;
