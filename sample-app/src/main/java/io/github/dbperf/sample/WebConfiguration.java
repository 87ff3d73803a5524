package io.github.dbperf.sample;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final AuthorRepository authors;

	WebConfiguration(AuthorRepository authors) {
		this.authors = authors;
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatter(new AuthorRefFormatter(this.authors));
	}

}
