/**
 * How members respond to a page: true utility, position-based examination, a multinomial
 * logit choice with a no-play option, and the watch fraction of a play.
 */
package dev.loopsim.users.choice;
