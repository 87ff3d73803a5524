package io.github.dbperf.attribution;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Makes each HTTP request a unit of work whose entry point is {@code METHOD
 * /route/{template}}, from Spring MVC's best-matching pattern: never the raw URI, so the
 * values stay bounded. Requests no handler matched are {@code UNKNOWN}.
 */
public final class RequestUnitOfWorkFilter extends OncePerRequestFilter {

	private static final Log leakLogger = LogFactory.getLog(RequestUnitOfWorkFilter.class);

	private final UnitsOfWork units;

	private final AtomicBoolean leakReported = new AtomicBoolean();

	/**
	 * Create the filter of one application context.
	 * @param units that context's units of work
	 */
	public RequestUnitOfWorkFilter(UnitsOfWork units) {
		this.units = units;
	}

	private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"TRACE");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isAsyncDispatch(request) && Attribution.clear() && this.leakReported.compareAndSet(false, true)) {
			leakLogger.warn("A dbperf unit of work (DbPerf.scope) or repository call was left open on thread '"
					+ Thread.currentThread().getName() + "' before this request; it was discarded. "
					+ "Close scopes with try-with-resources. Reported once.");
		}
		try (UnitOfWork unit = this.units.begin(() -> entrypoint(request))) {
			chain.doFilter(request, response);
		}
	}

	static String entrypoint(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (pattern == null) {
			return null;
		}
		String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
		return method + " " + pattern;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

}
