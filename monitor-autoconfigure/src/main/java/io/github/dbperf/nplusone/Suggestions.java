package io.github.dbperf.nplusone;

import java.util.ArrayList;
import java.util.List;

import io.github.dbperf.attribution.AssociationMapping;
import io.github.dbperf.attribution.RepositoryMethod;

/**
 * What to change for a finding, most local fix first: written for the developer who
 * reads the finding, naming their repository method, mapping and line.
 */
final class Suggestions {

	private static final int MAX_BATCH = 100;

	private Suggestions() {
	}

	/**
	 * Fixes for a loop of loads through an association.
	 * @param mapping the association
	 * @param loader the repository method that loaded the rows the loop ran over
	 * @param repetitions how many loads one unit made
	 * @return the fixes
	 */
	static List<String> forLoads(AssociationMapping mapping, RepositoryMethod loader, int repetitions) {
		List<String> fixes = new ArrayList<>();
		String alias = Character.toLowerCase(mapping.owner().charAt(0)) + "";
		if (loader != RepositoryMethod.NONE) {
			fixes.add("Fetch " + mapping.role() + " with the rows that " + loader.qualifiedName()
					+ " loads: annotate that method with @EntityGraph(attributePaths = \"" + mapping.attribute()
					+ "\")");
		}
		fixes.add("Or write the query with a join fetch: select " + alias + " from " + mapping.owner() + " " + alias
				+ " left join fetch " + alias + "." + mapping.attribute());
		if (!mapping.collection() && "EAGER".equals(mapping.fetch())) {
			fixes.add("If the " + mapping.target() + " is not always needed, map " + mapping.role()
					+ " with @ManyToOne(fetch = FetchType.LAZY)");
		}
		int batch = Math.min(MAX_BATCH, Math.max(10, repetitions));
		if (mapping.batchSize() <= 1) {
			fixes.add(mapping.collection()
					? "Or load it in batches: @BatchSize(size = " + batch + ") on " + mapping.role()
					: "Or load them in batches: @BatchSize(size = " + batch + ") on the " + mapping.target()
							+ " entity");
			fixes.add("Or for every association: spring.jpa.properties.hibernate.default_batch_fetch_size=" + batch);
		}
		return fixes;
	}

	/**
	 * Fixes for batch loads far below the parents of one unit of work.
	 * @param role the association's role ({@code Author.books} or the entity)
	 * @param mapping the association, or {@code null} when not known
	 * @param batchLoads how many batch loads one unit made
	 * @return the fixes
	 */
	static List<String> forSmallBatches(String role, AssociationMapping mapping, int batchLoads) {
		List<String> fixes = new ArrayList<>();
		int batchSize = (mapping != null) ? mapping.batchSize() : 0;
		String where = (mapping == null) ? role : mapping.collection() ? mapping.role()
				: "the " + mapping.target() + " entity";
		if (batchSize > 1) {
			int covering = Math.min(MAX_BATCH, batchSize * batchLoads);
			fixes.add("Batch fetching works here, with batches of " + batchSize + " for about "
					+ ((batchLoads - 1) * batchSize + 1) + " to " + (batchLoads * batchSize)
					+ " parents: raise the batch size to cover the parents of one request, @BatchSize(size = "
					+ covering + ") on " + where + " (or spring.jpa.properties.hibernate.default_batch_fetch_size="
					+ covering + ")");
		}
		else {
			fixes.add("Batch fetching works here, with batches too small for the parents of one request: raise the "
					+ "batch size of " + where);
		}
		fixes.add("If the parents come from one unpaged query, fetch " + where + " with that query instead "
				+ "(join fetch or @EntityGraph)");
		return fixes;
	}

	/**
	 * Fixes for a loop of statements the ORM does not explain (a query per row).
	 * @param callSite the line running the loop
	 * @return the fixes
	 */
	static List<String> forQueries(String callSite) {
		return List.of("Load the rows in one statement (a query with an IN list or a join) instead of one per "
				+ "iteration of the loop at " + callSite);
	}

	/**
	 * Fixes for the same statement with the same values run again.
	 * @param callSite the line that runs it again
	 * @return the fixes
	 */
	static List<String> forDuplicates(String callSite) {
		return List.of("Hoist the call out of the loop at " + callSite + " and reuse its result",
				"Or cache it: @Cacheable on the method, or a map kept for the request");
	}

}
