package io.github.dbperf.attribution;

/**
 * Raised at the end of a unit of work that broke a rule the user asked dbperf to enforce
 * (for example {@code dbperf.n-plus-one.mode=strict}). The only exception dbperf lets
 * reach the application, and only on request.
 */
public class UnitOfWorkViolation extends RuntimeException {

	public UnitOfWorkViolation(String message) {
		super(message);
	}

}
