package io.github.dbperf.endpoint;

import java.util.List;

import io.github.dbperf.findings.Finding;

/**
 * The findings a dashboard window shows, the costliest first.
 *
 * @param findings those last seen in the window
 * @param older how many more were last seen before it
 */
record RankedFindings(List<Ranked> findings, int older) {

	/**
	 * A finding and what it cost.
	 *
	 * @param finding the finding
	 * @param dbMillis the database time its statement took in the window
	 */
	record Ranked(Finding finding, double dbMillis) {

	}

}
