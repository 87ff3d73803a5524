package io.github.dbperf.statistics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The span figures are computed over: the last whole minutes and the minute in progress,
 * or everything since start (or the last reset).
 */
public enum Window {

	ONE_MINUTE("1m", 1),

	FIVE_MINUTES("5m", 5),

	FIFTEEN_MINUTES("15m", 15),

	ONE_HOUR("1h", 60),

	ALL("all", 0);

	/** Minutes of sparkline shown for {@link #ALL}. */
	static final int ALL_POINTS = 60;

	private final String value;

	private final int minutes;

	Window(String value, int minutes) {
		this.value = value;
		this.minutes = minutes;
	}

	/**
	 * Its name in the endpoint's {@code window} parameter.
	 * @return {@code 1m}, {@code 5m}, {@code 15m}, {@code 1h} or {@code all}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Whole minutes before the one in progress.
	 * @return the minutes, 0 for {@link #ALL}
	 */
	public int minutes() {
		return this.minutes;
	}

	int points() {
		return (this == ALL) ? ALL_POINTS : this.minutes;
	}

	/**
	 * Parse a {@code window} parameter.
	 * @param value {@code 1m}, {@code 5m}, {@code 15m}, {@code 1h} or {@code all}
	 * @return the window
	 * @throws IllegalArgumentException for any other value
	 */
	public static Window of(String value) {
		for (Window window : values()) {
			if (window.value.equals(value.trim().toLowerCase(Locale.ROOT))) {
				return window;
			}
		}
		throw new IllegalArgumentException("Unknown window '" + value + "': allowed values are " + allowed());
	}

	public static String allowed() {
		return Arrays.stream(values()).map(Window::value).collect(Collectors.joining(", "));
	}

}
