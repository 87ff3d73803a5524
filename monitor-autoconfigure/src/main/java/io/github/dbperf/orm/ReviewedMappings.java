package io.github.dbperf.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import jakarta.persistence.EntityManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mapping findings of one application context: its entity manager factories' mappings
 * and settings reviewed once, less those {@code dbperf.mappings.ignore} names.
 */
public final class ReviewedMappings implements MappingFindings {

	private static final Logger logger = LoggerFactory.getLogger(ReviewedMappings.class);

	private final Supplier<List<EntityManagerFactory>> factories;

	private final boolean openInView;

	private final List<String> ignore;

	private volatile List<MappingFinding> findings;

	/**
	 * Create the reviewed mappings of a context.
	 * @param factories its entity manager factories that exist, asked for until there is
	 * one (none is created for dbperf)
	 * @param openInView whether open session in view is registered
	 * @param ignore kinds ({@code EAGER_TO_ONE}) and findings
	 * ({@code EAGER_TO_ONE:Book.author}) the application accepts
	 */
	public ReviewedMappings(Supplier<List<EntityManagerFactory>> factories, boolean openInView,
			Collection<String> ignore) {
		this.factories = factories;
		this.openInView = openInView;
		this.ignore = List.copyOf(ignore);
	}

	/**
	 * The findings, reviewed on the first call.
	 * @return every finding not ignored, those that need evidence included
	 */
	@Override
	public List<MappingFinding> findings() {
		List<MappingFinding> findings = this.findings;
		if (findings == null) {
			List<EntityManagerFactory> factories = this.factories.get();
			if (factories.isEmpty()) {
				// None built yet (a lazy context): read them once one is.
				return List.of();
			}
			findings = review(factories);
			this.findings = findings;
		}
		return findings;
	}

	private List<MappingFinding> review(List<EntityManagerFactory> factories) {
		List<MappingFinding> findings = new ArrayList<>();
		boolean first = true;
		for (EntityManagerFactory factory : factories) {
			try {
				findings.addAll(MappingReview.of(factory));
				findings.addAll(SettingsReview.of(factory, this.openInView && first));
			}
			catch (RuntimeException | LinkageError ex) {
				logger.info("dbperf could not read the mappings of {}: {}", factory, ex.toString());
			}
			first = false;
		}
		return findings.stream().filter((finding) -> !ignored(finding)).toList();
	}

	private boolean ignored(MappingFinding finding) {
		return this.ignore.contains(finding.kind().name()) || this.ignore.contains(finding.name());
	}

	/**
	 * Review now and say in one INFO line what was found and where to read it.
	 * @param where where the findings can be read ({@code /actuator/dbperf})
	 */
	public void reviewAndLog(String where) {
		long start = System.nanoTime();
		List<MappingFinding> findings = findings();
		String millis = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e6);
		List<MappingFinding> shown = findings.stream().filter((finding) -> !finding.needsEvidence()).toList();
		if (shown.isEmpty()) {
			logger.info("dbperf reviewed the mappings and settings in {} ms: nothing to report", millis);
			return;
		}
		Map<String, Integer> byKind = new TreeMap<>();
		shown.forEach((finding) -> byKind.merge(finding.kind().name(), 1, Integer::sum));
		logger.info(
				"dbperf reviewed the mappings and settings in {} ms: {} finding(s) {}; read them in {} "
						+ "(\"mappings\"), or silence one with dbperf.mappings.ignore",
				millis, shown.size(), byKind, where);
	}

}
