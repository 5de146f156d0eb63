/**
 * The files of a run directory that other commands read back, as typed records: each written
 * and read here alone, so that no caller spells a JSON field's name.
 */
package dev.loopsim.results.rundir;
