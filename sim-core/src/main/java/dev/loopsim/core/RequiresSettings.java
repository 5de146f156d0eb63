package dev.loopsim.core;

/**
 * Parameters with a setting that has no sensible default (which service to call), checked once
 * the scenario's values are laid over the defaults, so that the defaults themselves can exist.
 */
public interface RequiresSettings {

    /** Throws {@link ParameterException} when a required setting is missing. */
    void checkRequired();
}
