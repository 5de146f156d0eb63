/** Real data the simulator can be calibrated on, read with file-and-line errors. */
package dev.loopsim.users.data;
