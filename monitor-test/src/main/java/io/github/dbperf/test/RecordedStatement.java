package io.github.dbperf.test;

import io.github.dbperf.capture.StatementEvent;

/**
 * One statement a recording saw, with the application frame that issued it.
 *
 * @param event the statement (fingerprint, operation, repository method, entry point)
 * @param callSite the first application frame
 */
public record RecordedStatement(StatementEvent event, String callSite) {

	/**
	 * One line for failure messages: operation, fingerprint, repository method, call
	 * site.
	 * @return the description
	 */
	public String describe() {
		return event().operation().tagValue() + " [" + event().repositoryMethod().qualifiedName() + " in '"
				+ event().entrypoint() + "' at " + this.callSite + "] " + event().fingerprint().sql();
	}

}
