package io.github.dbperf.statistics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How top statements are ranked.
 */
public enum StatementOrder {

	TOTAL(Comparator.comparingDouble(StatementSnapshot::totalMillis)),

	MEAN(Comparator.comparingDouble(StatementSnapshot::meanMillis)),

	MAX(Comparator.comparingDouble(StatementSnapshot::maxMillis)),

	CALLS(Comparator.comparingLong(StatementSnapshot::calls)),

	P99(Comparator.comparingDouble(StatementSnapshot::p99Millis));

	private final Comparator<StatementSnapshot> descending;

	StatementOrder(Comparator<StatementSnapshot> ascending) {
		this.descending = ascending.reversed().thenComparing(StatementSnapshot::id);
	}

	Comparator<StatementSnapshot> comparator() {
		return this.descending;
	}

	/**
	 * Parse a sort parameter.
	 * @param value {@code total}, {@code mean}, {@code max}, {@code calls} or {@code p99}
	 * @return the order
	 * @throws IllegalArgumentException for any other value
	 */
	public static StatementOrder of(String value) {
		for (StatementOrder order : values()) {
			if (order.name().equalsIgnoreCase(value)) {
				return order;
			}
		}
		throw new IllegalArgumentException("Unknown sort '" + value + "': allowed values are " + allowed());
	}

	public static String allowed() {
		return Arrays.stream(values())
			.map((order) -> order.name().toLowerCase(Locale.ROOT))
			.collect(Collectors.joining(", "));
	}

}
