/**
 * loopsim's core: domain types, the model and policy interfaces, random streams and the
 * discrete-event engine. It knows nothing of YAML, files or the command line.
 */
package dev.loopsim.core;
