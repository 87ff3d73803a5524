package io.github.dbperf.attribution;

/**
 * Told about every finished repository call. Implementations must be cheap and must not
 * throw.
 */
@FunctionalInterface
public interface RepositoryCallListener {

	void onRepositoryCall(RepositoryCall call);

}
