package org.factdesk.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.util.Map;

/**
 * Reads built-in kinds into the fabric8 Kubernetes model and fails on any field the API does not
 * have, as {@code kubectl apply --validate=strict} would.
 */
final class StrictModel {

    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

    /*
     * fabric8's model classes keep unknown fields in an @JsonAnySetter map, so FAIL_ON_UNKNOWN_PROPERTIES
     * alone would never fire: this mapper ignores those any-setters.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                    return false;
                }
            })
            .build();

    private StrictModel() {
    }

    static String key(JsonNode resource) {
        return resource.path("apiVersion").asText() + "/" + resource.path("kind").asText();
    }

    static boolean isBuiltIn(JsonNode resource) {
        return KINDS.containsKey(key(resource));
    }

    static <T extends HasMetadata> T read(JsonNode resource, Class<T> type) {
        try {
            return MAPPER.treeToValue(resource, type);
        } catch (Exception e) {
            throw new AssertionError(key(resource) + " " + Kustomize.name(resource) + ": " + e.getMessage(), e);
        }
    }

    static HasMetadata read(JsonNode resource) {
        Class<? extends HasMetadata> type = KINDS.get(key(resource));
        Kustomize.require(type != null, "not a built-in kind we know: " + key(resource));
        return read(resource, type);
    }

    /** Custom resources' metadata is plain ObjectMeta, which their CRD schemas leave open. */
    static ObjectMeta readMetadata(JsonNode resource) {
        try {
            return MAPPER.treeToValue(resource.get("metadata"), ObjectMeta.class);
        } catch (Exception e) {
            throw new AssertionError(key(resource) + " " + Kustomize.name(resource) + ": " + e.getMessage(), e);
        }
    }
}
