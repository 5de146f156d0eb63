/** Artwork selection: which image each title is shown with, and learning it from clicks or completions. */
package dev.loopsim.policies.artwork;
