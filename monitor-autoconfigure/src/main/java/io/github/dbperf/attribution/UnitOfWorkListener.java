package io.github.dbperf.attribution;

/**
 * Told when a unit of work ends, on its thread. May throw a {@link UnitOfWorkViolation}
 * (strict mode); any other exception is reported and ignored.
 */
@FunctionalInterface
public interface UnitOfWorkListener {

	void onUnitOfWorkEnd(UnitOfWork unit);

}
