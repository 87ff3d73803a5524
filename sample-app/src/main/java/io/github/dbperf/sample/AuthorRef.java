package io.github.dbperf.sample;

/**
 * A reference to an author, shown by {@link AuthorRefFormatter} as the author's name.
 *
 * @param id the author's id
 */
public record AuthorRef(long id) {

}
