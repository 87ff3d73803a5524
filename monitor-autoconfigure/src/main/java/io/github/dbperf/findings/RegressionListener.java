package io.github.dbperf.findings;

/**
 * Told when a statement becomes a regression (not again while it stays one).
 */
@FunctionalInterface
public interface RegressionListener {

	void onRegression(Finding regression);

}
