/** Synthetic member populations: Dirichlet tastes, latent vectors, log-normal visit rates, join days. */
package dev.loopsim.users.population;
