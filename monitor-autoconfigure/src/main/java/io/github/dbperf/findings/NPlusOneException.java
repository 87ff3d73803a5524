package io.github.dbperf.findings;

import io.github.dbperf.attribution.UnitOfWorkViolation;

/**
 * Thrown at the end of a unit of work with an N+1 pattern when
 * {@code dbperf.n-plus-one.mode=strict}.
 */
public class NPlusOneException extends UnitOfWorkViolation {

	public NPlusOneException(String message) {
		super(message);
	}

}
