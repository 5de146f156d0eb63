/** The registry of policies by kebab-case name: what a scenario's {@code type:} refers to. */
package dev.loopsim.policies;
