package io.github.dbperf.findings;

import java.util.List;
import java.util.Locale;

import io.github.dbperf.attribution.AssociationMapping;
import io.github.dbperf.attribution.AssociationMappings;
import io.github.dbperf.attribution.Attribution;
import io.github.dbperf.attribution.CallContext;
import io.github.dbperf.attribution.CallSites;
import io.github.dbperf.attribution.OrmCause;
import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.attribution.RepositorySignature;
import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.capture.Operation;
import io.github.dbperf.capture.OwnSink;
import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.findings.RepetitionCounter.Occurrence;

/**
 * Finds the ORM's anti-patterns that one statement shows: a result too large for one
 * execution, a paged query that Hibernate pages in memory (it fetches a collection), and
 * entities loaded while the response is written (open-session-in-view lazy loading). The
 * call site is walked only when a finding is made.
 */
public final class OrmFindingsDetector implements OwnSink {

	private final long largeResultRows;

	private final FindingReporter reporter;

	private final CallSites callSites;

	private final AssociationMappings mappings;

	/**
	 * Create a detector.
	 * @param largeResultRows rows one execution may return before it is a finding
	 * @param reporter where findings go
	 * @param callSites finds the application's line
	 * @param mappings the ORM's association mappings
	 */
	public OrmFindingsDetector(long largeResultRows, FindingReporter reporter, CallSites callSites,
			AssociationMappings mappings) {
		this.largeResultRows = largeResultRows;
		this.reporter = reporter;
		this.callSites = callSites;
		this.mappings = mappings;
	}

	@Override
	public void accept(StatementEvent event) {
		if (!event.cause().isLoad()) {
			return;
		}
		UnitOfWork unit = Attribution.current().unit();
		// Lazy loading (outside any repository call) while the response is written; a
		// repository
		// called by view code is a query, found by the N+1 detector when it repeats.
		if (unit != null && unit.isResponding() && event.repositoryMethod() == RepositoryMethod.NONE) {
			AssociationMapping mapping = first(this.mappings.of(event.cause()));
			String what = (mapping != null) ? mapping.role() : event.cause().role();
			String callSite = this.callSites.current();
			String handler = CallSites.UNKNOWN.equals(callSite) ? unit.handler() : null;
			if (handler != null) {
				// Nothing of the application's is on the stack while a template renders:
				// name the handler.
				callSite = handler + " (after it returned)";
			}
			this.reporter.report(Occurrence.of(FindingKind.LOAD_AFTER_RESPONSE, event, callSite, mapping,
					List.of("Load " + what + " before the controller returns: fetch it with the query that loads its "
							+ "owner (@EntityGraph or join fetch), or map the data the view needs to a DTO",
							"Then turn open-session-in-view off so that it cannot happen again: "
									+ "spring.jpa.open-in-view=false"),
					-1));
		}
	}

	@Override
	public void rowsRead(StatementEvent event, long rows) {
		if (event.operation() != Operation.SELECT) {
			return;
		}
		CallContext context = Attribution.current();
		int pageSize = context.pageSize();
		// Only the paged query itself: entities and collections Hibernate loads inside
		// the paged call
		// (EAGER or batch loads of the page's rows) are no page and are never cut to one.
		if (pageSize > 0 && rows > pageSize && event.cause().kind() == OrmCause.Kind.QUERY
				&& !isPagedInSql(event.fingerprint().sql())) {
			this.reporter.report(Occurrence.of(FindingKind.IN_MEMORY_PAGINATION, event, this.callSites.current(), null,
					List.of("Page the ids first (a query that selects only the ids of one page), then fetch the "
							+ "collection for those ids with a second query",
							"Or drop the join fetch of the collection "
									+ "from the paged query and load it in batches (@BatchSize)"),
					rows));
		}
		else if (rows >= this.largeResultRows) {
			this.reporter.report(Occurrence.of(FindingKind.LARGE_RESULT, event, this.callSites.current(), null, List.of(
					pageIt(event.repositoryMethod()),
					"Or read only what is needed: a projection, an aggregate query, or a Stream with a fetch size"),
					rows));
		}
	}

	/**
	 * The overload that ran, paged: an inherited findAll() has its paged twin already.
	 */
	private static String pageIt(RepositoryMethod method) {
		RepositorySignature signature = method.signature();
		if (signature == null) {
			return "Page it: give " + ((method != RepositoryMethod.NONE) ? method.qualifiedName() : "the query")
					+ " a Pageable parameter (or a LIMIT)";
		}
		if (!signature.declaredByApplication() && signature.method().getName().equals("findAll")
				&& signature.method().getParameterCount() == 0) {
			return "Page it: call " + method.repository() + ".findAll(Pageable), which Spring Data gives every "
					+ "repository, instead of findAll(), which reads every row";
		}
		return "Page it: give " + method.repository() + "." + signature.overload()
				+ " a Pageable parameter and a Page or Slice result (or a LIMIT)";
	}

	private static boolean isPagedInSql(String sql) {
		String lower = sql.toLowerCase(Locale.ROOT);
		return lower.contains(" limit ") || lower.contains(" offset ") || lower.contains(" fetch first ")
				|| lower.contains(" fetch next ") || lower.contains(" top ") || lower.contains("rownum");
	}

	private static AssociationMapping first(List<AssociationMapping> mappings) {
		return mappings.isEmpty() ? null : mappings.get(0);
	}

}
