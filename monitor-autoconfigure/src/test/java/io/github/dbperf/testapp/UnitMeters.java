package io.github.dbperf.testapp;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationContext;

/**
 * What the {@code dbperf.unit.statements} summary says of an entry point's units.
 */
public final class UnitMeters {

	private UnitMeters() {
	}

	/**
	 * The most statements one unit of an entry point ran.
	 * @param context the application context
	 * @param entrypoint the entry point
	 * @return the largest unit's statements
	 */
	public static double maxStatementsPerUnit(ApplicationContext context, String entrypoint) {
		return context.getBean(MeterRegistry.class)
			.get("dbperf.unit.statements")
			.tag("entrypoint", entrypoint)
			.summary()
			.max();
	}

}
