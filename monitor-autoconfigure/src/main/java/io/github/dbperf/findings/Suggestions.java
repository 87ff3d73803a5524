package io.github.dbperf.findings;

import java.util.ArrayList;
import java.util.List;

import io.github.dbperf.attribution.AssociationMapping;
import io.github.dbperf.attribution.AssociationMappings;
import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.attribution.RepositorySignature;

/**
 * What to change for a finding, most local fix first: written for the developer who reads
 * the finding, naming their repository method, mapping and line.
 */
final class Suggestions {

	private static final int MAX_BATCH = 100;

	private Suggestions() {
	}

	/**
	 * Fixes for a loop of loads through an association, from a model of the query that
	 * loaded the rows: the loader's entity and the path from it to the association (every
	 * step resolved in the metamodel), whether the loader pages, the exact overload and
	 * whether the application declares it. What an expert applies:
	 * <ul>
	 * <li>a collection under a paging loader is never fetched with it (Hibernate would
	 * page in memory): batch fetching, or a page of ids first;</li>
	 * <li>two bags ({@code List}s) are never fetched in one query
	 * ({@code MultipleBagFetchException}): batch fetching or a {@code Set};</li>
	 * <li>otherwise an entity graph on that overload with the path from its entity
	 * (declared in the repository when inherited), and a join fetch only when Hibernate
	 * compiles it;</li>
	 * <li>an {@code EAGER} mapping is named as the root cause.</li>
	 * </ul>
	 * @param mapping the association
	 * @param loader the repository method that loaded the rows the loop ran over
	 * @param repetitions how many loads one unit made
	 * @param mappings the ORM's metamodel
	 * @return the fixes, the first one code only when it is valid for the application
	 */
	static List<String> forLoads(AssociationMapping mapping, RepositoryMethod loader, int repetitions,
			AssociationMappings mappings) {
		List<String> fixes = new ArrayList<>();
		int batch = Math.min(MAX_BATCH, Math.max(10, repetitions));
		String batchFix = mapping.collection() ? "@BatchSize(size = " + batch + ") on " + mapping.role()
				: "@BatchSize(size = " + batch + ") on the " + mapping.target() + " entity";
		String globalBatch = "spring.jpa.properties.hibernate.default_batch_fetch_size=" + batch;
		RepositorySignature signature = (loader != RepositoryMethod.NONE) ? loader.signature() : null;
		Class<?> root = (signature != null) ? signature.domainType() : null;
		String path = (root != null) ? mappings.path(root, mapping) : null;
		List<AssociationMapping> steps = (path != null) ? mappings.along(root, path) : List.of();
		if (path != null && steps.isEmpty()) {
			path = null;
		}
		boolean crossesCollection = steps.stream().anyMatch(AssociationMapping::collection);
		boolean pages = signature != null && signature.pages();
		long bags = steps.stream().filter(AssociationMapping::bag).count();
		String method = (signature != null) ? loader.repository() + "." + signature.overload() : null;
		if (path != null && pages && crossesCollection) {
			fixes.add(method + " pages its rows, so fetching " + path + " with it would make Hibernate read every row "
					+ "and page in memory: load " + mapping.role() + " in batches instead, " + batchFix + " (or for "
					+ "every association " + globalBatch + ")");
			fixes.add("Or in two steps: a page of " + root.getSimpleName() + " ids with " + method + ", then those "
					+ root.getSimpleName() + "s with @EntityGraph(attributePaths = \"" + path
					+ "\") and where id in :ids");
		}
		else if (path != null && bags > 1) {
			fixes.add("Load " + mapping.role() + " in batches, " + batchFix + " (or " + globalBatch + "): " + path
					+ " crosses two List collections, which Hibernate cannot fetch in one query "
					+ "(MultipleBagFetchException)");
			fixes.add("Or map one of those collections as a Set, then fetch " + path + " with " + method);
		}
		else if (path != null) {
			String graph = "@EntityGraph(attributePaths = \"" + path + "\")";
			fixes.add(signature.declaredByApplication()
					? "Fetch " + mapping.role() + " with the rows that " + method + " loads: annotate that method in "
							+ loader.repository() + " with " + graph
					: "Fetch " + mapping.role() + " with the rows that " + method
							+ " loads: it is inherited, so declare it in " + loader.repository() + " with the graph: "
							+ graph + " " + signature.declaration() + ";");
			String query = joinFetch(root, path);
			if (mappings.compiles(query)) {
				fixes.add("Or write the query with a join fetch: " + query);
			}
		}
		else {
			fixes.add("Fetch " + mapping.role() + " with the query that loads the " + mapping.owner()
					+ " rows (an entity graph or a join fetch from that query's entity)");
		}
		if ("EAGER".equals(mapping.fetch())) {
			fixes.add("The root cause is the mapping: " + mapping.role() + " is EAGER, so every query that loads "
					+ mapping.owner() + " loads it too, wanted or not; map it "
					+ (mapping.collection() ? "LAZY" : "@ManyToOne(fetch = FetchType.LAZY)")
					+ " and fetch it where a page needs it");
		}
		if (mapping.batchSize() <= 1 && !(path != null && (pages && crossesCollection || bags > 1))) {
			fixes.add(mapping.collection() ? "Or load it in batches: " + batchFix
					: "Or load them in batches: " + batchFix);
			fixes.add("Or for every association: " + globalBatch);
		}
		return fixes;
	}

	/**
	 * {@code select distinct o from Owner o left join fetch o.pets j1 left join fetch j1.visits}.
	 */
	private static String joinFetch(Class<?> root, String path) {
		String entity = root.getSimpleName();
		String alias = Character.toLowerCase(entity.charAt(0)) + "";
		StringBuilder query = new StringBuilder("select distinct ").append(alias)
			.append(" from ")
			.append(entity)
			.append(' ')
			.append(alias);
		String previous = alias;
		String[] names = path.split("\\.");
		for (int i = 0; i < names.length; i++) {
			query.append(" left join fetch ").append(previous).append('.').append(names[i]);
			if (i < names.length - 1) {
				previous = "j" + (i + 1);
				query.append(' ').append(previous);
			}
		}
		return query.toString();
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
		String where = (mapping == null) ? role
				: mapping.collection() ? mapping.role() : "the " + mapping.target() + " entity";
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
	 * @param repetitions how many ran in one unit
	 * @return the fixes
	 */
	static List<String> forQueries(String callSite, int repetitions) {
		String converter = PerValueCallers.kindOf(callSite);
		if (converter != null) {
			return List.of(perValue(callSite, converter, repetitions)
					+ ": load the values of the whole page with one query (an IN list) before it renders, "
					+ "and let the " + converter + " read them from there");
		}
		return List.of("Load the rows in one statement (a query with an IN list or a join) instead of one per "
				+ "iteration of the loop at " + callSite);
	}

	/**
	 * Fixes for the same statement with the same values run again.
	 * @param callSite the line that runs it again
	 * @param repetitions how many ran in one unit
	 * @return the fixes
	 */
	static List<String> forDuplicates(String callSite, int repetitions) {
		String converter = PerValueCallers.kindOf(callSite);
		if (converter != null) {
			return List.of(perValue(callSite, converter, repetitions) + ", with the same value each time: keep what "
					+ "it looks up for the request (a @RequestScope bean holding a map, or @Cacheable on the lookup)",
					"Or look the values up once before the view renders and hand them to it with the model");
		}
		return List.of("Hoist the call out of the loop at " + callSite + " and reuse its result",
				"Or cache it: @Cacheable on the method, or a map kept for the request");
	}

	private static String perValue(String callSite, String converter, int repetitions) {
		return "There is no loop in " + callSite + ": it is a " + converter + ", which Spring calls once per value a "
				+ "view renders or a request binds, and it ran a query each time (" + repetitions + " in one request)";
	}

}
