/**
 * Reading scenario files: YAML to a tree, {@code --set} overrides, defaults, mapping to specs,
 * and errors that name the file, the YAML path, the line and column, and what was expected.
 */
package dev.loopsim.scenarios.load;
