package io.github.dbperf.attribution;

/**
 * What a thread hands to work it starts on another thread (an {@code @Async} method, a
 * task on an executor): the unit of work's entry point and context, and the repository
 * method in progress. Immutable, so both threads can hold it.
 *
 * @param owner the units of work of the unit's application context, or {@code null}
 * @param entrypoint the entry point the work counts for
 * @param repositoryMethod the repository method in progress, or
 * {@link RepositoryMethod#NONE}
 */
public record Handoff(UnitsOfWork owner, String entrypoint, RepositoryMethod repositoryMethod) {

	/**
	 * What the calling thread would hand on.
	 * @return the handoff, or {@code null} when no unit of work or repository call is in
	 * progress
	 */
	public static Handoff capture() {
		CallContext context = Attribution.current();
		UnitOfWork unit = context.unit();
		if (unit == null && context.depth() == 0) {
			return null;
		}
		String entrypoint = (unit != null) ? unit.entrypoint() : context.innermost().qualifiedName();
		return new Handoff((unit != null) ? unit.owner() : null, entrypoint, context.innermost());
	}

	/**
	 * Begin, on the calling thread, a unit of work that counts for the same entry point
	 * (the other thread's unit keeps its own counts: units are confined to their thread).
	 * @return the scope to close when the work ends
	 */
	public Scope open() {
		CallContext context = Attribution.current();
		RepositoryMethod previous = context.inherited();
		context.inherited(this.repositoryMethod);
		UnitOfWork unit = UnitOfWork.begin(this.owner, this.entrypoint);
		return new Scope(unit, context, previous);
	}

	/**
	 * Work handed to this thread, in progress.
	 */
	public static final class Scope implements AutoCloseable {

		private final UnitOfWork unit;

		private final CallContext context;

		private final RepositoryMethod previous;

		Scope(UnitOfWork unit, CallContext context, RepositoryMethod previous) {
			this.unit = unit;
			this.context = context;
			this.previous = previous;
		}

		@Override
		public void close() {
			try {
				this.unit.close();
			}
			finally {
				this.context.inherited(this.previous);
			}
		}

	}

}
