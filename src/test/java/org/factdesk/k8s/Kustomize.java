package org.factdesk.k8s;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;

/**
 * The part of {@code kustomize build} that our kustomizations use, so the overlays can be built
 * offline: {@code resources} (files and directories), {@code secretGenerator} (literals, without
 * the name hash), {@code namespace}, and {@code patches} — strategic merge (maps merge, lists of
 * objects merge by {@code name}, {@code $patch: delete} removes a resource) or, with a
 * {@code target}, JSON 6902 (add, replace, remove).
 */
final class Kustomize {

    static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES, YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    private Kustomize() {
    }

    /** Every document of a YAML file; empty documents (a lone comment) are skipped. */
    static List<JsonNode> readAll(Path file) {
        try (var parser = YAML.createParser(file.toFile())) {
            List<JsonNode> docs = new ArrayList<>();
            Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    static List<ObjectNode> build(Path dir) {
        ObjectNode kustomization = objects(dir.resolve("kustomization.yaml")).get(0);
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = dir.resolve(entry.asText()).normalize();
            resources.addAll(Files.isDirectory(path) ? build(path) : objects(path));
        }
        for (JsonNode generator : kustomization.path("secretGenerator")) {
            resources.add(generatedSecret(generator, dir));
        }
        for (JsonNode patch : kustomization.path("patches")) {
            Path file = dir.resolve(patch.path("path").asText());
            if (patch.has("target")) {
                JsonNode target = patch.get("target");
                List<ObjectNode> matching = resources.stream()
                        .filter(r -> r.path("kind").asText().equals(target.path("kind").asText())
                                && name(r).equals(target.path("name").asText()))
                        .toList();
                require(!matching.isEmpty(), file + ": no resource matches its target");
                ArrayNode ops = (ArrayNode) readAll(file).get(0);
                matching.forEach(r -> Json6902.apply(r, ops, file));
            } else {
                for (ObjectNode doc : objects(file)) {
                    strategicMerge(resources, doc, file);
                }
            }
        }
        if (kustomization.has("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            resources.forEach(r -> ((ObjectNode) r.get("metadata")).put("namespace", namespace));
        }
        return resources;
    }

    /*
     * kustomize appends a hash of the content to a generated name and rewrites the references it
     * knows (Deployments, not operators' resources such as KeycloakRealmImport's placeholders):
     * generators here must switch the hash off, so that every reference keeps working.
     */
    private static ObjectNode generatedSecret(JsonNode generator, Path dir) {
        String name = generator.path("name").asText();
        require(!name.isEmpty(), dir + ": a secretGenerator without a name");
        require(generator.at("/options/disableNameSuffixHash").asBoolean(),
                dir + ": secretGenerator " + name + " needs options.disableNameSuffixHash: true");
        ObjectNode secret = YAML.createObjectNode().put("apiVersion", "v1").put("kind", "Secret");
        ObjectNode metadata = secret.putObject("metadata").put("name", name);
        if (generator.at("/options/labels").isObject()) {
            metadata.set("labels", generator.at("/options/labels").deepCopy());
        }
        secret.put("type", generator.path("type").asText("Opaque"));
        ObjectNode data = secret.putObject("data");
        for (JsonNode literal : generator.path("literals")) {
            String text = literal.asText();
            int equals = text.indexOf('=');
            require(equals > 0, dir + ": secretGenerator " + name + " literal without key=value");
            data.put(text.substring(0, equals), Base64.getEncoder()
                    .encodeToString(text.substring(equals + 1).getBytes(StandardCharsets.UTF_8)));
        }
        require(!data.isEmpty() && generator.path("files").isMissingNode() && generator.path("envs").isMissingNode(),
                dir + ": secretGenerator " + name + " must have literals only");
        return secret;
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    /** The documents of a file of resources (or of strategic-merge patches). */
    static List<ObjectNode> objects(Path file) {
        return readAll(file).stream().map(doc -> {
            require(doc.isObject(), file + ": a document is not a map");
            return (ObjectNode) doc;
        }).toList();
    }

    private static void strategicMerge(List<ObjectNode> resources, ObjectNode patch, Path file) {
        ObjectNode target = resources.stream()
                .filter(r -> r.path("kind").equals(patch.path("kind")) && name(r).equals(name(patch)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(file + ": no " + patch.path("kind").asText() + " " + name(patch)));
        if ("delete".equals(patch.path("$patch").asText())) {
            resources.remove(target);
        } else {
            mergeInto(target, patch);
        }
    }

    private static void mergeInto(ObjectNode target, ObjectNode patch) {
        patch.properties().forEach(field -> {
            String key = field.getKey();
            JsonNode value = field.getValue();
            JsonNode existing = target.get(key);
            if (value.isNull()) {
                target.remove(key);
            } else if (value.isObject() && existing != null && existing.isObject()) {
                mergeInto((ObjectNode) existing, (ObjectNode) value);
            } else if (value.isArray() && existing != null && existing.isArray() && keyedByName((ArrayNode) value)) {
                mergeByName((ArrayNode) existing, (ArrayNode) value);
            } else {
                target.set(key, value.deepCopy());
            }
        });
    }

    // Like kubectl for containers, env, ports, volumes and volumeMounts: items with the same name merge.
    private static boolean keyedByName(ArrayNode list) {
        return !list.isEmpty() && list.get(0).isObject() && list.get(0).has("name");
    }

    private static void mergeByName(ArrayNode target, ArrayNode patch) {
        for (JsonNode item : patch) {
            ObjectNode same = null;
            for (JsonNode existing : target) {
                if (existing.path("name").equals(item.path("name"))) {
                    same = (ObjectNode) existing;
                }
            }
            if (same == null) {
                target.add(item.deepCopy());
            } else {
                mergeInto(same, (ObjectNode) item);
            }
        }
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    /** RFC 6902 operations on a resource; the three that overlays need. */
    static final class Json6902 {
        private Json6902() {
        }

        static void apply(ObjectNode resource, ArrayNode ops, Path file) {
            for (JsonNode op : ops) {
                String path = op.path("path").asText();
                int slash = path.lastIndexOf('/');
                JsonNode parent = resource.at(path.substring(0, slash));
                String last = path.substring(slash + 1).replace("~1", "/").replace("~0", "~");
                require(parent.isObject(), file + ": " + path + " has no parent object");
                ObjectNode object = (ObjectNode) parent;
                switch (op.path("op").asText()) {
                    case "add" -> object.set(last, op.get("value"));
                    case "replace" -> {
                        require(object.has(last), file + ": nothing to replace at " + path);
                        object.set(last, op.get("value"));
                    }
                    case "remove" -> {
                        require(object.has(last), file + ": nothing to remove at " + path);
                        object.remove(last);
                    }
                    default -> throw new AssertionError(file + ": unsupported op " + op);
                }
            }
        }
    }
}
