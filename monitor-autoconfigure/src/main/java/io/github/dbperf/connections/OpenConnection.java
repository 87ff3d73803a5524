package io.github.dbperf.connections;

/**
 * A connection out of its pool now.
 *
 * @param entrypoint the entry point that borrowed it
 * @param thread the name of the thread that borrowed it
 * @param heldNanos how long it has been out
 */
public record OpenConnection(String entrypoint, String thread, long heldNanos) {

}
