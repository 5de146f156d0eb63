/**
 * The scenario schema as immutable records, validated in their constructors. YAML keys are
 * the snake_case forms of the record components.
 */
package dev.loopsim.scenarios.spec;
