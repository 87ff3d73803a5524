package io.github.dbperf.attribution;

/**
 * A Spring Data repository method, by repository interface simple name and method name:
 * bounded values, safe as metric tags. Two overloads are one repository method for
 * figures and tags; the {@link RepositorySignature signature} of the overload that ran
 * goes with it for the findings that need to name it.
 *
 * @param repository the repository interface's simple name, or {@code none}
 * @param method the method name, or {@code none}
 * @param signature the overload, or {@code null} when not known (not part of equality)
 */
public record RepositoryMethod(String repository, String method, RepositorySignature signature) {

	/** Statements issued outside any repository call. */
	public static final RepositoryMethod NONE = new RepositoryMethod("none", "none");

	/**
	 * A repository method whose overload is not known.
	 * @param repository the repository interface's simple name
	 * @param method the method name
	 */
	public RepositoryMethod(String repository, String method) {
		this(repository, method, null);
	}

	/**
	 * {@code Repository.method}, as shown in the endpoint.
	 * @return the qualified name
	 */
	public String qualifiedName() {
		return this.repository + "." + this.method;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof RepositoryMethod that && this.repository.equals(that.repository)
				&& this.method.equals(that.method));
	}

	@Override
	public int hashCode() {
		// Looked up per statement (meters, statistics): no varargs array.
		return 31 * this.repository.hashCode() + this.method.hashCode();
	}

	@Override
	public String toString() {
		return qualifiedName();
	}

}
