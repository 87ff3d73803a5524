package io.github.dbperf.test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.github.dbperf.orm.MappingFinding;
import io.github.dbperf.orm.MappingFindings;
import io.github.dbperf.orm.MappingKind;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the mapping findings dbperf read from an application's mappings and
 * settings at startup, so that CI can hold a model to a standard:
 * {@code DbPerfAssertions.assertThat(DbPerfAssertions.mappings(context)).hasNone(MappingKind.EAGER_TO_ONE)}.
 */
public class MappingFindingsAssert extends AbstractAssert<MappingFindingsAssert, MappingFindings> {

	public MappingFindingsAssert(MappingFindings actual) {
		super(actual, MappingFindingsAssert.class);
	}

	/**
	 * Verify no mapping finding at all (those that wait for traffic's evidence included).
	 * @return this
	 */
	public MappingFindingsAssert hasNone() {
		return hasNone(MappingKind.values());
	}

	/**
	 * Verify no mapping finding of these kinds.
	 * @param kinds the kinds that fail
	 * @return this
	 */
	public MappingFindingsAssert hasNone(MappingKind... kinds) {
		isNotNull();
		List<MappingKind> failing = Arrays.asList(kinds);
		List<MappingFinding> found = this.actual.findings()
			.stream()
			.filter((finding) -> failing.contains(finding.kind()))
			.toList();
		if (!found.isEmpty()) {
			failWithMessage("Expected no mapping findings of %s but found %d:%n%s", failing, found.size(),
					found.stream().map((finding) -> "  " + finding.describe()).collect(Collectors.joining("\n")));
		}
		return this;
	}

	/**
	 * Verify no mapping finding names this entity, attribute or setting.
	 * @param subject {@code Book}, {@code Book.author} or
	 * {@code hibernate.jdbc.batch_size}
	 * @return this
	 */
	public MappingFindingsAssert hasNoneFor(String subject) {
		isNotNull();
		List<MappingFinding> found = this.actual.findings()
			.stream()
			.filter((finding) -> finding.subject().equals(subject) || subject.equals(finding.entity()))
			.toList();
		if (!found.isEmpty()) {
			failWithMessage("Expected no mapping findings for %s but found %d:%n%s", subject, found.size(),
					found.stream().map((finding) -> "  " + finding.describe()).collect(Collectors.joining("\n")));
		}
		return this;
	}

}
