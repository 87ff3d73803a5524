package org.springframework.samples.dbperfcheck;

import io.github.dbperf.attribution.CallSites;

/**
 * Application code in a package that starts like Spring's own (Spring's sample
 * applications are written so).
 */
public final class Caller {

	private Caller() {
	}

	public static String callSite(CallSites callSites) {
		return callSites.current();
	}

}
