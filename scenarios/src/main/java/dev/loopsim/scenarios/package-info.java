/** Scenarios: the YAML schema, loading and validation, wiring by name, experiments and expectations. */
package dev.loopsim.scenarios;
