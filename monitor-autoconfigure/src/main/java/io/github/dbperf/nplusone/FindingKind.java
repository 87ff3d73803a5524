package io.github.dbperf.nplusone;

/**
 * What a repeated SELECT is.
 */
public enum FindingKind {

	/** The same statement with different parameters: a loop over rows (N+1). */
	N_PLUS_ONE,

	/** The same statement with the same parameters: the same row loaded again. */
	DUPLICATE

}
