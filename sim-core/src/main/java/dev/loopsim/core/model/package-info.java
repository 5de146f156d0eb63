/**
 * The interfaces of the member models: true utility, response to a page, and the visit
 * process. Implementations live in the user-models module.
 */
package dev.loopsim.core.model;
