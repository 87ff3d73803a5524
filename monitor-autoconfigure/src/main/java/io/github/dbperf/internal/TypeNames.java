package io.github.dbperf.internal;

/**
 * Asks a class's hierarchy about a type by its name, so that the type need not be on the
 * class path (Spring Data's or Spring's own, seen from code that runs without them).
 */
public final class TypeNames {

	private TypeNames() {
	}

	/**
	 * Whether a class is, extends or implements one of the named types.
	 * @param type the class
	 * @param names fully qualified names
	 * @return {@code true} when one of them is in its hierarchy
	 */
	public static boolean isA(Class<?> type, String... names) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			for (String name : names) {
				if (candidate.getName().equals(name)) {
					return true;
				}
			}
			for (Class<?> parent : candidate.getInterfaces()) {
				if (isA(parent, names)) {
					return true;
				}
			}
		}
		return false;
	}

}
