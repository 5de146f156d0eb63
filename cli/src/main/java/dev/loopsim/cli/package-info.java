/** The command line: thin picocli commands over the scenarios module. The only place that prints or exits. */
package dev.loopsim.cli;
