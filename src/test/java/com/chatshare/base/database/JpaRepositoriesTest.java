package com.chatshare.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.IntegrationTest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;

/**
 * Every repository of the application reads its declared JPQL queries by pattern, without Spring
 * Data's parse (docs/decisions/0029); native queries as Spring Data chooses.
 */
@IntegrationTest
class JpaRepositoriesTest {

    @Autowired
    ConfigurableListableBeanFactory beanFactory;

    @Test
    void every_repository_uses_the_pattern_introspection() {
        List<BeanDefinition> repositories = Arrays.stream(beanFactory.getBeanDefinitionNames())
                .map(beanFactory::getBeanDefinition)
                .filter(definition -> JpaRepositoryFactoryBean.class.getName().equals(definition.getBeanClassName()))
                .toList();

        assertThat(repositories).hasSizeGreaterThan(5).allSatisfy(definition -> assertThat(
                definition.getPropertyValues().get("queryEnhancerSelector"))
                .isEqualTo(JpaRepositories.PatternIntrospection.class));
    }

    @Test
    void jpql_is_read_by_pattern_and_native_sql_as_spring_data_chooses() {
        var selector = new JpaRepositories.PatternIntrospection();
        DeclaredQuery jpql = DeclaredQuery.jpqlQuery("select a from Account a where a.id = :id");
        DeclaredQuery sql = DeclaredQuery.nativeQuery("select id from app_user where id = :id");

        assertThat(selector.select(jpql)).isSameAs(QueryEnhancerFactories.fallback());
        assertThat(selector.select(sql)).isSameAs(QueryEnhancerSelector.DEFAULT_SELECTOR.select(sql));
    }
}
