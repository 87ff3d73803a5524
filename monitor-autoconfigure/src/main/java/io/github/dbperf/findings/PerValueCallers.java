package io.github.dbperf.findings;

import io.github.dbperf.internal.TypeNames;

import org.springframework.util.ClassUtils;

/**
 * Application classes Spring calls once per value rather than once per request: a
 * {@code Formatter}, {@code Printer}, {@code Parser}, {@code Converter} or property
 * editor. A statement repeated from one of them has no loop to hoist; the loop is the
 * view or the binder. Read from the call site's class, only when a finding is made.
 */
final class PerValueCallers {

	private static final String[][] KINDS = { { "org.springframework.format.Formatter", "Formatter" },
			{ "org.springframework.format.Printer", "Printer" }, { "org.springframework.format.Parser", "Parser" },
			{ "org.springframework.core.convert.converter.Converter", "Converter" },
			{ "org.springframework.core.convert.converter.GenericConverter", "Converter" },
			{ "java.beans.PropertyEditor", "property editor" } };

	private PerValueCallers() {
	}

	/**
	 * What kind of per-value caller a call site is in.
	 * @param callSite {@code com.example.TypeFormatter.print(TypeFormatter.java:40)}
	 * @return {@code Formatter}, {@code Converter}, ..., or {@code null} for anything
	 * else
	 */
	static String kindOf(String callSite) {
		int paren = callSite.indexOf('(');
		String frame = (paren > 0) ? callSite.substring(0, paren) : callSite;
		int dot = frame.lastIndexOf('.');
		if (dot <= 0) {
			return null;
		}
		Class<?> type;
		try {
			type = ClassUtils.forName(frame.substring(0, dot), null);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
		for (String[] kind : KINDS) {
			if (TypeNames.isA(type, kind[0])) {
				return kind[1];
			}
		}
		return null;
	}

}
