package org.factdesk.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operators' resources checked against the openAPIV3Schema of their CustomResourceDefinitions,
 * kept verbatim in k8s/schemas (sources in k8s/README.md).
 */
final class CrdSchemas {

    private final Map<String, Schema> schemas = new HashMap<>();

    CrdSchemas(Path dir) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        try (var files = Files.list(dir)) {
            files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .flatMap(f -> Kustomize.objects(f).stream())
                    .filter(d -> "CustomResourceDefinition".equals(d.path("kind").asText()))
                    .forEach(crd -> {
                        String group = crd.at("/spec/group").asText();
                        String kind = crd.at("/spec/names/kind").asText();
                        for (JsonNode version : crd.at("/spec/versions")) {
                            ObjectNode schema = version.at("/schema/openAPIV3Schema").deepCopy();
                            // Some generators leave out the fields every object has.
                            ObjectNode properties = (ObjectNode) schema.get("properties");
                            properties.putIfAbsent("apiVersion", properties.objectNode().put("type", "string"));
                            properties.putIfAbsent("kind", properties.objectNode().put("type", "string"));
                            properties.putIfAbsent("metadata", properties.objectNode().put("type", "object"));
                            closeObjects(schema);
                            schemas.put(group + "/" + version.path("name").asText() + "/" + kind,
                                    registry.getSchema(schema));
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean knows(JsonNode resource) {
        return schemas.containsKey(StrictModel.key(resource));
    }

    List<Error> validate(JsonNode resource) {
        Schema schema = schemas.get(StrictModel.key(resource));
        Kustomize.require(schema != null, "no CRD schema for " + StrictModel.key(resource));
        return schema.validate(resource);
    }

    /*
     * The API server prunes or (with strict field validation) rejects fields a structural schema does
     * not declare; JSON Schema allows them unless told otherwise. So every object with declared
     * properties is closed, except where the CRD keeps unknown fields on purpose. (metadata is
     * declared as a bare object: it is read strictly as ObjectMeta instead.)
     */
    private static void closeObjects(JsonNode schema) {
        if (!schema.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) schema;
        if (object.has("properties") && !object.has("additionalProperties")
                && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            object.set("additionalProperties", BooleanNode.FALSE);
        }
        object.path("properties").forEach(CrdSchemas::closeObjects);
        closeObjects(object.path("items"));
        closeObjects(object.path("additionalProperties"));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            object.path(combinator).forEach(CrdSchemas::closeObjects);
        }
    }
}
