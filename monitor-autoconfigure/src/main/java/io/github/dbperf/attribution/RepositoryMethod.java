package io.github.dbperf.attribution;

/**
 * A Spring Data repository method, by repository interface simple name and method
 * name: bounded values, safe as metric tags.
 *
 * @param repository the repository interface's simple name, or {@code none}
 * @param method the method name, or {@code none}
 */
public record RepositoryMethod(String repository, String method) {

	/** Statements issued outside any repository call. */
	public static final RepositoryMethod NONE = new RepositoryMethod("none", "none");

	/**
	 * {@code Repository.method}, as shown in the endpoint.
	 * @return the qualified name
	 */
	public String qualifiedName() {
		return this.repository + "." + this.method;
	}

	@Override
	public String toString() {
		return qualifiedName();
	}

}
