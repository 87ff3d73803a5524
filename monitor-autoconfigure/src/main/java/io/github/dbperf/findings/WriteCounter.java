package io.github.dbperf.findings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.dbperf.attribution.AssociationMapping;
import io.github.dbperf.attribution.CallSites;
import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.capture.Operation;
import io.github.dbperf.capture.SqlFingerprint;
import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.findings.Finding.WriteDetails;
import io.github.dbperf.findings.RepetitionCounter.Occurrence;
import io.github.dbperf.findings.WriteMappings.WrittenTable;

/**
 * The writes of one unit of work, per fingerprint, in the order they first ran. Confined
 * to the unit's thread.
 */
final class WriteCounter {

	private final int threshold;

	private final CallSites callSites;

	private final WriteMappings mappings;

	private final Function<SqlFingerprint, WriteStatement> statements;

	private final Map<String, Write> writes = new LinkedHashMap<>();

	private int index;

	WriteCounter(int threshold, CallSites callSites, WriteMappings mappings,
			Function<SqlFingerprint, WriteStatement> statements) {
		this.threshold = threshold;
		this.callSites = callSites;
		this.mappings = mappings;
		this.statements = statements;
	}

	void count(StatementEvent event) {
		Write write = this.writes.get(event.fingerprint().id());
		if (write == null) {
			write = first(event);
			this.writes.put(event.fingerprint().id(), write);
		}
		if (event.batchSize() <= 1 && ++write.unbatched == this.threshold && write.callSite == null) {
			// Walk the stack once per finding, on the thread that wrote.
			write.callSite = this.callSites.current();
		}
		write.executions++;
		write.last = this.index++;
	}

	private Write first(StatementEvent event) {
		WriteStatement statement = this.statements.apply(event.fingerprint());
		AssociationMapping foreignKey = null;
		AssociationMapping bag = null;
		if (statement != null && statement.operation() == Operation.UPDATE) {
			foreignKey = this.mappings.foreignKeyOf(statement.table(), statement.columns());
		}
		else if (statement != null && statement.operation() == Operation.DELETE) {
			bag = this.mappings.bagIn(statement.table(), statement.columns());
		}
		Write write = new Write(event, statement, this.index, foreignKey, bag);
		if (foreignKey != null || bag != null) {
			write.callSite = this.callSites.current();
		}
		return write;
	}

	List<Occurrence> occurrences(String entrypoint) {
		List<Occurrence> occurrences = new ArrayList<>();
		for (Write write : this.writes.values()) {
			boolean extraUpdate = false;
			if (write.foreignKey != null) {
				Write insert = insertInto(write.statement.table(), -1, write.last);
				if (insert != null) {
					extraUpdate = true;
					occurrences.add(write.occurrence(entrypoint, FindingKind.EXTRA_UPDATE, insert.first.fingerprint(),
							write.foreignKey,
							new WriteDetails(write.foreignKey.target(), write.statement.table(),
									WriteSuggestions.UNIDIRECTIONAL_ONE_TO_MANY),
							WriteSuggestions.forExtraUpdate(write.foreignKey)));
				}
			}
			if (write.bag != null) {
				Write insert = insertInto(write.statement.table(), write.firstIndex, Integer.MAX_VALUE);
				if (insert != null) {
					occurrences.add(write.occurrence(entrypoint, FindingKind.COLLECTION_RECREATED,
							insert.first.fingerprint(), write.bag,
							new WriteDetails(write.bag.owner(), write.statement.table(),
									WriteSuggestions.MANY_TO_MANY_LIST),
							WriteSuggestions.forRecreatedCollection(write.bag)));
				}
			}
			if (!extraUpdate && write.unbatched >= this.threshold) {
				WrittenTable table = (write.statement != null) ? this.mappings.table(write.statement.table()) : null;
				String reason = WriteSuggestions.reason(write.first.operation(), table);
				occurrences.add(write.occurrence(entrypoint, FindingKind.UNBATCHED_WRITES, null, null,
						new WriteDetails((table != null) ? table.name() : null,
								(write.statement != null) ? write.statement.table() : null, reason),
						WriteSuggestions.forUnbatched(reason, table, write.first.repositoryMethod(), write.unbatched)));
			}
		}
		return occurrences;
	}

	/**
	 * An insert into the table that ran after {@code after} and before {@code before}.
	 */
	private Write insertInto(String table, int after, int before) {
		for (Write write : this.writes.values()) {
			if (write.statement != null && write.statement.operation() == Operation.INSERT
					&& write.statement.table().equals(table) && write.last > after && write.firstIndex < before) {
				return write;
			}
		}
		return null;
	}

	private static final class Write {

		private final StatementEvent first;

		private final WriteStatement statement;

		private final int firstIndex;

		private final AssociationMapping foreignKey;

		private final AssociationMapping bag;

		private int executions;

		private int unbatched;

		private int last;

		private String callSite;

		Write(StatementEvent first, WriteStatement statement, int firstIndex, AssociationMapping foreignKey,
				AssociationMapping bag) {
			this.first = first;
			this.statement = statement;
			this.firstIndex = firstIndex;
			this.foreignKey = foreignKey;
			this.bag = bag;
		}

		Occurrence occurrence(String entrypoint, FindingKind kind, SqlFingerprint triggeredBy,
				AssociationMapping mapping, WriteDetails details, List<String> suggestions) {
			RepositoryMethod method = (this.first.repositoryMethod() != RepositoryMethod.NONE)
					? this.first.repositoryMethod() : this.first.outermostMethod();
			return new Occurrence(this.first.fingerprint(), entrypoint, method,
					(this.callSite != null) ? this.callSite : CallSites.UNKNOWN,
					(kind == FindingKind.UNBATCHED_WRITES) ? this.unbatched : this.executions, triggeredBy, kind,
					mapping, suggestions, -1, details);
		}

	}

}
