package io.github.dbperf.capture;

/**
 * How a statement ended, as used in the {@code outcome} tag.
 */
public enum Outcome {

	SUCCESS("success"), ERROR("error");

	private final String tagValue;

	Outcome(String tagValue) {
		this.tagValue = tagValue;
	}

	public String tagValue() {
		return this.tagValue;
	}

}
