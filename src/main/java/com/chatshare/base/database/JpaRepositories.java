package com.chatshare.base.database;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;

/**
 * The application's Spring Data JPA repositories, as Spring Boot would enable them, except how
 * Spring Data reads a declared {@code @Query}: with its pattern-based introspection (alias,
 * projection, constructor expression; sorting and count queries written by {@code QueryUtils}, as
 * Spring Data JPA did for JPQL before 3.1) instead of parsing each query with its ANTLR grammar of
 * HQL. That parse took 13 % of a restart's main thread (cold ANTLR prediction, on
 * every start; docs/decisions/0029). Hibernate still parses and validates every declared query when
 * its repository is created, so a wrong query still stops the start; the application passes no
 * {@code Sort} to a declared query and derives no count query from one (its paged queries return
 * a {@code Slice}), where the two introspections could differ.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackages = "com.chatshare", queryEnhancerSelector = JpaRepositories.PatternIntrospection.class)
class JpaRepositories {

    /** Spring Data's default choice for native queries; the pattern-based introspection for JPQL. */
    static final class PatternIntrospection implements QueryEnhancerSelector {

        @Override
        public QueryEnhancerFactory select(DeclaredQuery query) {
            return query.isNative() ? DEFAULT_SELECTOR.select(query) : QueryEnhancerFactories.fallback();
        }
    }
}
