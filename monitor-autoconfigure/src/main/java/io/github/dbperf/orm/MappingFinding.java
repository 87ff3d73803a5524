package io.github.dbperf.orm;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a mapping or a setting will cost, read from the ORM's metamodel and settings at
 * startup.
 *
 * @param kind what was found
 * @param entity the entity's simple name ({@code Book}), or {@code null} for a setting
 * @param attribute the attribute ({@code author}), or {@code null} for an entity-wide
 * item or a setting
 * @param setting the setting ({@code hibernate.jdbc.batch_size}), or {@code null} for a
 * mapping
 * @param why what it costs, in a sentence
 * @param suggestions what to change, most local first
 * @param needsEvidence whether it is shown only once traffic shows its cost (no batch
 * fetching matters only when associations are loaded one row at a time)
 */
public record MappingFinding(MappingKind kind, @Nullable String entity, @Nullable String attribute,
		@Nullable String setting, String why, List<String> suggestions, boolean needsEvidence) {

	/**
	 * What it is about: {@code Book.author}, {@code Book} or the setting.
	 * @return the subject
	 */
	public String subject() {
		if (this.setting != null) {
			return this.setting;
		}
		return (this.attribute != null) ? this.entity + "." + this.attribute : String.valueOf(this.entity);
	}

	/**
	 * How {@code dbperf.mappings.ignore} names it: {@code EAGER_TO_ONE:Book.author}.
	 * @return the name
	 */
	public String name() {
		return this.kind.name() + ":" + subject();
	}

	/**
	 * One line for the log.
	 * @return the description
	 */
	public String describe() {
		return name() + ": " + this.why + " Fix: " + String.join("; ", this.suggestions);
	}

}
