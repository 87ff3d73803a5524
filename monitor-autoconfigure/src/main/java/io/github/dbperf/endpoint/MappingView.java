package io.github.dbperf.endpoint;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A mapping finding as the endpoint publishes it: read at startup, with what traffic has
 * shown of its cost since.
 *
 * @param kind what was found ({@code EAGER_TO_ONE}, {@code JDBC_BATCHING_OFF}, ...)
 * @param name how {@code dbperf.mappings.ignore} names it
 * ({@code EAGER_TO_ONE:Book.author})
 * @param entity the entity, or {@code null} for a setting
 * @param attribute the attribute, or {@code null}
 * @param setting the setting, or {@code null} for a mapping
 * @param why what it costs
 * @param suggestions what to change
 * @param evidence runtime findings it explains, most frequent first
 */
public record MappingView(String kind, String name, @Nullable String entity, @Nullable String attribute,
		@Nullable String setting, String why, List<String> suggestions, List<Evidence> evidence) {

	/**
	 * A runtime finding a mapping explains.
	 *
	 * @param kind its kind
	 * @param id its statement's fingerprint id
	 * @param entrypoint its entry point
	 * @param occurrences units of work it occurred in
	 */
	public record Evidence(String kind, String id, String entrypoint, long occurrences) {

	}

}
