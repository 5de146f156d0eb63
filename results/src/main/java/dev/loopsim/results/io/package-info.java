/** Run directories: files written atomically, and a marker that says a run is not complete. */
package dev.loopsim.results.io;
