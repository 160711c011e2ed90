package org.factdesk.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the database for every @QuarkusTest (the annotation is global, not per class). */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public final class TestDatabase {
    private TestDatabase() {
    }
}
