/** Visit processes: when members come back, and how the quality of past visits changes that. */
package dev.loopsim.users.visit;
