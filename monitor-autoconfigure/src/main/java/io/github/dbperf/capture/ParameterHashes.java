package io.github.dbperf.capture;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A statement's bound parameters: a hash, enough to tell whether two executions used the
 * same values without keeping any, and the values themselves for plan capture.
 */
final class ParameterHashes {

	private ParameterHashes() {
	}

	static int hash(Object[] parameters, int count) {
		int hash = 1;
		for (int i = 0; i < count; i++) {
			Object value = parameters[i];
			hash = 31 * hash
					+ ((value instanceof Object[] array) ? Arrays.deepHashCode(array) : (value instanceof byte[] bytes)
							? Arrays.hashCode(bytes) : (value != null) ? value.hashCode() : 0);
		}
		return hash;
	}

	/**
	 * Whether the statement was bound to several keys at once: an {@code IN} list of more
	 * than one value, or an array (PostgreSQL's {@code = any (?)}) of more than one.
	 * @param inList whether the statement has a folded {@code IN} list
	 */
	static boolean severalKeys(boolean inList, Object[] parameters, int count) {
		if (inList) {
			return true;
		}
		for (int i = 0; i < count; i++) {
			Object value = parameters[i];
			if (value instanceof Object[] array) {
				return array.length > 1;
			}
			if (value instanceof java.sql.Array) {
				// A driver's array: its length is not read (it may ask the driver);
				// Hibernate binds one only
				// to load several keys.
				return true;
			}
		}
		return false;
	}

	static List<Object> list(Object[] parameters, int count) {
		if (count == 0) {
			return List.of();
		}
		return Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(parameters, count)));
	}

}
