/** How members change between visits: boredom with what they just watched, and drifting tastes. */
package dev.loopsim.users.dynamics;
