package io.github.dbperf.capture;

import java.util.Locale;

/**
 * What a statement does to the database, as used in the {@code operation} tag.
 */
public enum Operation {

	SELECT, INSERT, UPDATE, DELETE, MERGE, CALL, DDL, OTHER;

	private final String tagValue = name().toLowerCase(Locale.ROOT);

	/**
	 * The lower-case name used in metric tags and JSON.
	 * @return the tag value
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
