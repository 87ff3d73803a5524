package io.github.dbperf.nplusone;

/**
 * Told when a statement becomes a regression (not again while it stays one).
 */
@FunctionalInterface
public interface RegressionListener {

	void onRegression(NPlusOneFinding regression);

}
