package io.github.dbperf.endpoint;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.github.dbperf.findings.Finding;
import io.github.dbperf.findings.Finding.WriteDetails;
import io.github.dbperf.findings.FindingKind;
import io.github.dbperf.orm.MappingFinding;
import io.github.dbperf.orm.MappingKind;

/**
 * Joins mapping findings to the runtime findings they explain: an N+1 of an EAGER
 * association, the extra updates of a unidirectional {@code @OneToMany}, the unbatched
 * inserts of identity ids. A finding that needs evidence is shown only with some.
 */
final class MappingEvidence {

	private static final int MAX_EVIDENCE = 5;

	private static final Set<FindingKind> LOADS = Set.of(FindingKind.N_PLUS_ONE, FindingKind.BATCH_SIZE_TOO_SMALL,
			FindingKind.LOAD_AFTER_RESPONSE);

	private MappingEvidence() {
	}

	static List<MappingView> views(List<MappingFinding> mappings, List<Finding> findings) {
		return mappings.stream().map((mapping) -> view(mapping, findings)).filter((view) -> view != null).toList();
	}

	private static MappingView view(MappingFinding mapping, List<Finding> findings) {
		List<MappingView.Evidence> evidence = findings.stream()
			.filter((finding) -> explains(mapping, finding))
			.limit(MAX_EVIDENCE)
			.map((finding) -> new MappingView.Evidence(finding.kind().name(), finding.id(), finding.entrypoint(),
					finding.occurrences()))
			.toList();
		if (mapping.needsEvidence() && evidence.isEmpty()) {
			return null;
		}
		return new MappingView(mapping.kind().name(), mapping.name(), mapping.entity(), mapping.attribute(),
				mapping.setting(), mapping.why(), mapping.suggestions(), evidence);
	}

	static boolean explains(MappingFinding mapping, Finding finding) {
		String role = (mapping.attribute() != null) ? mapping.subject() : null;
		WriteDetails write = (finding.details() instanceof WriteDetails details) ? details : null;
		MappingKind kind = mapping.kind();
		return switch (kind) {
			case EAGER_COLLECTION, EAGER_TO_ONE, ONE_TO_ONE_PARENT_SIDE ->
				LOADS.contains(finding.kind()) && Objects.equals(role, finding.association());
			case UNIDIRECTIONAL_ONE_TO_MANY ->
				finding.kind() == FindingKind.EXTRA_UPDATE && Objects.equals(role, finding.association());
			case MANY_TO_MANY_LIST ->
				finding.kind() == FindingKind.COLLECTION_RECREATED && Objects.equals(role, finding.association());
			case IDENTITY_IDS ->
				write != null && kind.name().equals(write.reason()) && Objects.equals(mapping.entity(), write.entity());
			case JDBC_BATCHING_OFF, BATCH_ORDERING_OFF -> write != null && kind.name().equals(write.reason());
			case NO_BATCH_FETCHING -> finding.kind() == FindingKind.N_PLUS_ONE && finding.association() != null;
			case OPEN_IN_VIEW -> finding.kind() == FindingKind.LOAD_AFTER_RESPONSE;
			case PAGINATION_IN_MEMORY_ALLOWED -> finding.kind() == FindingKind.IN_MEMORY_PAGINATION;
			case ONE_TO_MANY_JOIN_TABLE, SEQUENCE_ALLOCATION_ONE -> false;
		};
	}

}
