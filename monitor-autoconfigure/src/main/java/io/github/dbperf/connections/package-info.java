/**
 * Per borrow of a connection: how long the pool made the application wait, how long it
 * held the connection, and how much of its transactions it spent idle.
 */
package io.github.dbperf.connections;
