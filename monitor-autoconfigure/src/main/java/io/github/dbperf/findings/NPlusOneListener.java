package io.github.dbperf.findings;

import io.github.dbperf.findings.RepetitionCounter.Occurrence;

/**
 * Told about every N+1 occurrence at the end of its unit of work (metrics use it).
 */
@FunctionalInterface
public interface NPlusOneListener {

	void onFinding(Occurrence occurrence);

}
