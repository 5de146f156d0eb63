/** Running a scenario: a world per replicate, one simulation per cell, and the results across them. */
package dev.loopsim.scenarios.run;
