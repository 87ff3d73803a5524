package io.github.dbperf.autoconfigure;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.github.dbperf.orm.MappingKind;

/**
 * What {@code dbperf.mappings.ignore} accepts: the name of a kind of mapping finding,
 * alone or followed by {@code :} and what the finding names.
 */
final class MappingIgnore {

	private MappingIgnore() {
	}

	static boolean isValid(String entry) {
		if (entry == null) {
			return false;
		}
		int colon = entry.indexOf(':');
		if (colon >= 0 && entry.substring(colon + 1).isBlank()) {
			return false;
		}
		String kind = (colon >= 0) ? entry.substring(0, colon) : entry;
		return Arrays.stream(MappingKind.values()).anyMatch((known) -> known.name().equals(kind));
	}

	static String kinds() {
		return Arrays.stream(MappingKind.values()).map(MappingKind::name).collect(Collectors.joining(", "));
	}

}
