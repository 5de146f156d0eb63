/** Synthetic catalogs: titles with genre mixtures, latent vectors, quality, popularity and release days. */
package dev.loopsim.users.catalog;
