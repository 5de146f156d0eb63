/**
 * What contextual policies may know of a member: features computed from the observable history
 * of plays only, the same way at decision time and when learning from logged feedback.
 */
package dev.loopsim.policies.features;
