package io.github.dbperf.autoconfigure;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a bad {@code dbperf.*} value at startup: the property, the value and what is
 * allowed.
 */
class DbPerfPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		ConfigurationProperty property = cause.getProperty();
		String name = (property != null) ? property.getName().toString() : cause.getName().toString();
		if (!name.startsWith("dbperf")) {
			return null;
		}
		Object value = (property != null) ? property.getValue() : null;
		String reason = reason(cause);
		String description = "Invalid value '" + value + "' for property '" + name + "'"
				+ ((reason != null && !reason.startsWith("Invalid value")) ? ": " + reason : "")
				+ ((property != null && property.getOrigin() != null) ? " (from " + property.getOrigin() + ")" : "");
		return new FailureAnalysis(description, "Set '" + name + "' to one of the allowed values: " + allowed(cause)
				+ ". See the dbperf configuration table in the README.", cause);
	}

	private static String reason(BindException cause) {
		Throwable root = cause;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getMessage();
	}

	private static String allowed(BindException cause) {
		Class<?> type = cause.getTarget().getType().resolve();
		if (type != null && type.isEnum()) {
			return Arrays.stream(type.getEnumConstants())
				.map((constant) -> constant.toString().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", "));
		}
		String reason = reason(cause);
		int allowed = (reason != null) ? reason.indexOf("allowed values are ") : -1;
		if (allowed >= 0) {
			return reason.substring(allowed + "allowed values are ".length());
		}
		return "a value of type " + ((type != null) ? type.getSimpleName() : "?");
	}

}
