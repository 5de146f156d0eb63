/** Page construction: rows of titles filled by rankers, de-duplicated across the page. */
package dev.loopsim.policies.page;
