package io.github.dbperf.attribution;

/**
 * One finished repository method call and the statements it issued (nested calls
 * included).
 *
 * @param method the repository method
 * @param statements statements executed during the call
 * @param dbNanos time those statements spent in the database
 */
public record RepositoryCall(RepositoryMethod method, int statements, long dbNanos) {

}
