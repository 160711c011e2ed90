package org.factdesk.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The manifests under k8s/, checked offline: parsed, built like kustomize does, and cross-checked. */
class KubernetesManifestsTest {

    static final Path K8S = Path.of("k8s");
    static final Path REALM = Path.of("src/main/keycloak/factdesk-realm.json");
    static final Path REALM_IMPORT = K8S.resolve("base/keycloak-realm-import.yaml");
    static final Path DEMO_USERS = Path.of("src/main/keycloak/demo/factdesk-users-0.json");
    static final ObjectMapper JSON = new ObjectMapper();
    static final CrdSchemas SCHEMAS = new CrdSchemas(K8S.resolve("schemas"));

    /*
     * Variables read by the container rather than by the server's configuration: the image's Java
     * start script, and JSON console logs (quarkus-logging-json, see k8s/README.md).
     */
    static final Set<String> CONTAINER_VARIABLES = Set.of("JAVA_OPTS_APPEND");

    /** Pool of quarkus.datasource.jdbc.max-size plus ChangeFeed's LISTEN connection, per replica. */
    static final int CONNECTIONS_PER_REPLICA = 24 + 1;

    static List<ObjectNode> build(String dir) {
        return Kustomize.build(K8S.resolve(dir));
    }

    static <T extends HasMetadata> T one(List<ObjectNode> resources, Class<T> type, String name) {
        return resources.stream()
                .filter(r -> StrictModel.KINDS.get(StrictModel.key(r)) == type && Kustomize.name(r).equals(name))
                .map(r -> StrictModel.read(r, type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    static ObjectNode custom(List<ObjectNode> resources, String kind, String name) {
        return resources.stream()
                .filter(r -> r.path("kind").asText().equals(kind) && Kustomize.name(r).equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static <T extends HasMetadata> List<T> all(List<ObjectNode> resources, Class<T> type) {
        return resources.stream()
                .filter(r -> StrictModel.KINDS.get(StrictModel.key(r)) == type)
                .map(r -> StrictModel.read(r, type))
                .toList();
    }

    static Container server(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    @Test
    void everyYamlFileUnderK8sParses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(K8S)) {
            files = walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).toList();
        }
        assertTrue(files.size() > 20, "found only " + files);
        // Duplicate keys are errors too (Kustomize.YAML detects them).
        files.forEach(f -> assertFalse(Kustomize.readAll(f).isEmpty(), f + " is empty"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void builtInKindsAreValidAndCustomResourcesMatchTheirCrds(String dir) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode resource : build(dir)) {
            String what = StrictModel.key(resource) + " " + Kustomize.name(resource);
            if (StrictModel.isBuiltIn(resource)) {
                StrictModel.read(resource);
            } else if (SCHEMAS.knows(resource)) {
                StrictModel.readMetadata(resource);
                SCHEMAS.validate(resource).forEach(e -> problems.add(what + ": " + e));
            } else {
                problems.add(what + ": neither a built-in kind we read nor a kind with a CRD in k8s/schemas");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void unknownFieldsAreErrors() {
        ObjectNode deployment = custom(build("base"), "Deployment", "factdesk").deepCopy();
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0")).put("readinesProbe", "typo");
        assertThrows(AssertionError.class, () -> StrictModel.read(deployment));

        ObjectNode cluster = custom(build("base"), "Cluster", "factdesk-db").deepCopy();
        ((ObjectNode) cluster.get("spec")).put("instance", 3);
        assertFalse(SCHEMAS.validate(cluster).isEmpty(), "a misspelt Cluster field passed");
        ((ObjectNode) cluster.get("spec")).remove("instance");
        ((ObjectNode) cluster.get("spec")).put("instances", "three");
        assertFalse(SCHEMAS.validate(cluster).isEmpty(), "a string for instances passed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void selectorsAndTargetsPointAtTheServerPods(String dir) {
        List<ObjectNode> resources = build(dir);
        Deployment deployment = one(resources, Deployment.class, "factdesk");
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
        assertTrue(podLabels.entrySet().containsAll(selector.entrySet()), "Deployment selector vs pod labels");

        Service service = one(resources, Service.class, "factdesk");
        assertEquals(selector, service.getSpec().getSelector(), "Service selector");
        NetworkPolicy policy = one(resources, NetworkPolicy.class, "factdesk");
        assertEquals(selector, policy.getSpec().getPodSelector().getMatchLabels(), "NetworkPolicy podSelector");
        for (PodDisruptionBudget pdb : all(resources, PodDisruptionBudget.class)) {
            assertEquals(selector, pdb.getSpec().getSelector().getMatchLabels(), "PDB selector");
            assertTrue(pdb.getSpec().getMinAvailable().getIntVal() >= 1, "PDB minAvailable");
        }
        for (HorizontalPodAutoscaler hpa : all(resources, HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            assertEquals("apps/v1/Deployment/factdesk", target.getApiVersion() + "/" + target.getKind() + "/" + target.getName());
            assertEquals("cpu", hpa.getSpec().getMetrics().get(0).getResource().getName());
        }
        assertEquals("factdesk", deployment.getSpec().getTemplate().getSpec().getServiceAccountName());
        one(resources, io.fabric8.kubernetes.api.model.ServiceAccount.class, "factdesk");
        assertEquals(Set.of("factdesk-config"), configMapsReferenced(deployment));
        one(resources, ConfigMap.class, "factdesk-config");

        for (Ingress ingress : all(resources, Ingress.class)) {
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                var backend = path.getBackend().getService();
                assertEquals("factdesk", backend.getName());
                assertTrue(service.getSpec().getPorts().stream().anyMatch(p -> p.getName().equals(backend.getPort().getName())),
                        "Ingress backend port " + backend.getPort().getName());
            }));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void portsAndProbesLineUp(String dir) {
        List<ObjectNode> resources = build(dir);
        Deployment deployment = one(resources, Deployment.class, "factdesk");
        Container container = server(deployment);
        ContainerPort http = container.getPorts().get(0);
        assertEquals("http", http.getName());
        assertEquals(8080, http.getContainerPort());

        ServicePort port = one(resources, Service.class, "factdesk").getSpec().getPorts().get(0);
        assertEquals("http", port.getName());
        assertEquals(80, port.getPort());
        assertTrue(refersTo(port.getTargetPort(), http), "Service targetPort " + port.getTargetPort());

        Map<String, HTTPGetAction> probes = Map.of(
                "/q/health/started", container.getStartupProbe().getHttpGet(),
                "/q/health/ready", container.getReadinessProbe().getHttpGet(),
                "/q/health/live", container.getLivenessProbe().getHttpGet());
        probes.forEach((path, probe) -> {
            assertEquals(path, probe.getPath());
            assertTrue(refersTo(probe.getPort(), http), path + " probes port " + probe.getPort());
        });

        // Both ingress rules (controller, and monitoring for /q/metrics) open the server's port only.
        NetworkPolicy policy = one(resources, NetworkPolicy.class, "factdesk");
        assertEquals(List.of("ingress-nginx", "monitoring"), policy.getSpec().getIngress().stream()
                .map(rule -> rule.getFrom().get(0).getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
                .toList());
        policy.getSpec().getIngress().forEach(rule -> rule.getPorts()
                .forEach(p -> assertTrue(refersTo(p.getPort(), http), "NetworkPolicy ingress port " + p.getPort())));
    }

    static boolean refersTo(IntOrString port, ContainerPort containerPort) {
        return Objects.equals(port.getStrVal(), containerPort.getName())
                || Objects.equals(port.getIntVal(), containerPort.getContainerPort());
    }

    static Set<String> configMapsReferenced(Deployment deployment) {
        Set<String> names = new LinkedHashSet<>();
        server(deployment).getEnvFrom().forEach(from -> names.add(from.getConfigMapRef().getName()));
        return names;
    }

    @Test
    void egressGoesOnlyWhereTheServerNeedsIt() {
        NetworkPolicy policy = one(build("base"), NetworkPolicy.class, "factdesk");
        var egress = policy.getSpec().getEgress();
        assertEquals(4, egress.size(), "DNS, PostgreSQL, Keycloak, the internet");

        NetworkPolicyPeer dns = egress.get(0).getTo().get(0);
        assertEquals("kube-system", dns.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
        assertEquals(Set.of("UDP/53", "TCP/53"), ports(egress.get(0).getPorts()));

        assertEquals(Map.of("cnpg.io/cluster", "factdesk-db"), egress.get(1).getTo().get(0).getPodSelector().getMatchLabels());
        assertEquals(Set.of("TCP/5432"), ports(egress.get(1).getPorts()));

        assertEquals("factdesk-keycloak", egress.get(2).getTo().get(0).getPodSelector().getMatchLabels().get("app.kubernetes.io/instance"));
        assertEquals(Set.of("TCP/8080", "TCP/8443"), ports(egress.get(2).getPorts()));

        var world = egress.get(3).getTo().get(0).getIpBlock();
        assertEquals("0.0.0.0/0", world.getCidr());
        assertTrue(world.getExcept().containsAll(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16")));
        assertEquals(Set.of("TCP/443", "TCP/80"), ports(egress.get(3).getPorts()));
    }

    static Set<String> ports(List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort> ports) {
        Set<String> result = new LinkedHashSet<>();
        ports.forEach(p -> result.add(p.getProtocol() + "/" + p.getPort().getIntVal()));
        return result;
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void environmentIsWhatTheServerReads(String dir) throws IOException {
        List<ObjectNode> resources = build(dir);
        Deployment deployment = one(resources, Deployment.class, "factdesk");
        ConfigMap config = one(resources, ConfigMap.class, "factdesk-config");
        Map<String, String> env = new java.util.TreeMap<>(config.getData());
        Map<String, EnvVar> fromSecrets = new java.util.TreeMap<>();
        for (EnvVar var : server(deployment).getEnv()) {
            assertNotNull(var.getValueFrom().getSecretKeyRef(), var.getName() + " should come from a Secret");
            fromSecrets.put(var.getName(), var);
            env.put(var.getName(), "(secret)");
        }

        Set<String> documented = readmeConfigurationVariables();
        for (String name : env.keySet()) {
            assertTrue(documented.contains(name) || CONTAINER_VARIABLES.contains(name),
                    name + " is neither in README.md's configuration table nor a container variable");
        }
        assertTrue(env.keySet().containsAll(List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL",
                "FACTDESK_SERVER_CLIENT_SECRET", "FACTDESK_PUBLISHER_BASE_URL", "FACTDESK_WEB_OIDC_AUTHORITY",
                "QUARKUS_HTTP_HOST", "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "JAVA_OPTS_APPEND")), env.keySet().toString());

        assertEquals("jdbc:postgresql://factdesk-db-rw:5432/factdesk", env.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("factdesk-db-app/username", secretRef(fromSecrets.get("QUARKUS_DATASOURCE_USERNAME")));
        assertEquals("factdesk-db-app/password", secretRef(fromSecrets.get("QUARKUS_DATASOURCE_PASSWORD")));
        assertEquals("factdesk-keycloak-client/client-secret", secretRef(fromSecrets.get("FACTDESK_SERVER_CLIENT_SECRET")));
        assertEquals("0.0.0.0", env.get("QUARKUS_HTTP_HOST"));
        assertEquals("true", env.get("QUARKUS_LOG_CONSOLE_JSON_ENABLED"));
        assertTrue(env.get("JAVA_OPTS_APPEND").contains("-XX:MaxRAMPercentage="));
        assertTrue(env.get("QUARKUS_OIDC_AUTH_SERVER_URL").startsWith("http://factdesk-keycloak-service:8080/realms/factdesk"));
        assertTrue(env.get("FACTDESK_WEB_OIDC_AUTHORITY").endsWith("/realms/factdesk"));
    }

    static String secretRef(EnvVar var) {
        var ref = var.getValueFrom().getSecretKeyRef();
        return ref.getName() + "/" + ref.getKey();
    }

    /** Variable names in the first column of README.md's configuration table. */
    static Set<String> readmeConfigurationVariables() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Configuration"));
        section = section.substring(0, section.indexOf("\n## ", 3));
        Set<String> names = new LinkedHashSet<>();
        for (String line : section.lines().filter(l -> l.startsWith("| `")).toList()) {
            Matcher m = Pattern.compile("`([A-Z0-9_]+)`").matcher(line.split("\\|")[1]);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        assertTrue(names.contains("QUARKUS_DATASOURCE_JDBC_URL"), "README configuration table not found: " + names);
        return names;
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void serverPodIsLockedDownAndShutsDownGracefully(String dir) {
        Deployment deployment = one(build(dir), Deployment.class, "factdesk");
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = server(deployment);
        var security = container.getSecurityContext();
        assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot());
        assertEquals(Boolean.TRUE, security.getRunAsNonRoot());
        assertEquals(185L, security.getRunAsUser());
        assertEquals(Boolean.TRUE, security.getReadOnlyRootFilesystem());
        assertEquals(Boolean.FALSE, security.getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), security.getCapabilities().getDrop());
        assertEquals("RuntimeDefault", security.getSeccompProfile().getType());
        assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken());
        assertNotNull(container.getResources().getRequests().get("memory"));
        assertNotNull(container.getResources().getLimits().get("memory"));

        var tmp = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst().orElseThrow();
        assertNotNull(pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst().orElseThrow().getEmptyDir());

        long preStop = container.getLifecycle().getPreStop().getSleep().getSeconds();
        long grace = pod.getTerminationGracePeriodSeconds();
        assertTrue(grace >= 30, "terminationGracePeriodSeconds " + grace);
        ConfigMap config = one(build(dir), ConfigMap.class, "factdesk-config");
        long shutdown = Long.parseLong(config.getData().get("QUARKUS_SHUTDOWN_TIMEOUT").replace("s", ""));
        assertTrue(preStop > 0 && preStop + shutdown < grace, "preStop " + preStop + " + shutdown " + shutdown + " < grace " + grace);

        var rolling = deployment.getSpec().getStrategy().getRollingUpdate();
        assertEquals(new IntOrString(1), rolling.getMaxSurge());
        assertEquals(new IntOrString(0), rolling.getMaxUnavailable());
    }

    @Test
    void prodRunsSeveralReplicasSpreadOutWithEnoughConnections() {
        List<ObjectNode> prod = build("overlays/prod");
        Deployment deployment = one(prod, Deployment.class, "factdesk");
        assertTrue(deployment.getSpec().getReplicas() >= 3);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertFalse(pod.getTopologySpreadConstraints().isEmpty());
        assertFalse(pod.getAffinity().getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution().isEmpty());
        assertEquals("factdesk", deployment.getMetadata().getNamespace());

        HorizontalPodAutoscaler hpa = one(prod, HorizontalPodAutoscaler.class, "factdesk");
        assertTrue(hpa.getSpec().getMinReplicas() >= 3, "HPA min " + hpa.getSpec().getMinReplicas());
        assertEquals(10, hpa.getSpec().getMaxReplicas());
        assertTrue(one(prod, PodDisruptionBudget.class, "factdesk").getSpec().getMinAvailable().getIntVal() >= 1);

        ObjectNode db = custom(prod, "Cluster", "factdesk-db");
        assertEquals(3, db.at("/spec/instances").asInt());
        int maxConnections = Integer.parseInt(db.at("/spec/postgresql/parameters/max_connections").asText());
        int surge = deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal();
        int needed = (hpa.getSpec().getMaxReplicas() + surge) * CONNECTIONS_PER_REPLICA;
        assertTrue(needed + 50 <= maxConnections, needed + " connections + 50 headroom > max_connections " + maxConnections);

        Ingress ingress = one(prod, Ingress.class, "factdesk");
        assertEquals("factdesk-tls", ingress.getSpec().getTls().get(0).getSecretName());
        assertEquals(ingress.getSpec().getRules().get(0).getHost(), ingress.getSpec().getTls().get(0).getHosts().get(0));
        assertTrue(custom(prod, "ScheduledBackup", "factdesk-db-daily").at("/spec/cluster/name").asText().equals("factdesk-db"));
        assertEquals("keycloak-tls", custom(prod, "Keycloak", "factdesk-keycloak").at("/spec/http/tlsSecret").asText());
    }

    @Test
    void baseKeepsOneServerThroughDisruptionsAndEnoughConnections() {
        List<ObjectNode> base = build("base");
        assertEquals(new IntOrString(1), one(base, PodDisruptionBudget.class, "factdesk").getSpec().getMinAvailable());
        int maxReplicas = one(base, HorizontalPodAutoscaler.class, "factdesk").getSpec().getMaxReplicas();
        int maxConnections = custom(base, "Cluster", "factdesk-db").at("/spec/postgresql/parameters/max_connections").asInt();
        assertTrue((maxReplicas + 1) * CONNECTIONS_PER_REPLICA + 50 <= maxConnections);
    }

    @Test
    void devIsOneSmallReplicaAtLocaltest() {
        List<ObjectNode> dev = build("overlays/dev");
        assertEquals(1, one(dev, Deployment.class, "factdesk").getSpec().getReplicas());
        assertEquals(List.of(), all(dev, HorizontalPodAutoscaler.class));
        assertEquals("factdesk.localtest.me", one(dev, Ingress.class, "factdesk").getSpec().getRules().get(0).getHost());
        assertEquals(1, custom(dev, "Cluster", "factdesk-db").at("/spec/instances").asInt());
        assertTrue(custom(dev, "Cluster", "factdesk-db").at("/spec/backup").isMissingNode());
        assertFalse(dev.stream().anyMatch(r -> r.path("kind").asText().equals("ScheduledBackup")));
        assertTrue(custom(dev, "Keycloak", "factdesk-keycloak").at("/spec/http/tlsSecret").isMissingNode());
        for (Secret secret : all(dev, Secret.class)) {
            Map<String, String> values = secret.getStringData();
            assertTrue(secret.getData() == null || secret.getData().isEmpty());
            values.forEach((key, value) -> assertTrue(value.startsWith("PLACEHOLDER"),
                    secret.getMetadata().getName() + "/" + key + " must be a marked placeholder"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/prod"})
    void noSecretValuesInBaseOrProd(String dir) {
        assertEquals(List.of(), all(build(dir), Secret.class).stream()
                .filter(s -> (s.getData() != null && !s.getData().isEmpty()) || (s.getStringData() != null && !s.getStringData().isEmpty()))
                .map(s -> s.getMetadata().getName())
                .toList());
    }

    @Test
    void realmImportIsTheProductionRealmWithoutDemoUsers() throws IOException {
        JsonNode realm = JSON.readTree(REALM.toFile());
        ObjectNode realmImport = Kustomize.objects(REALM_IMPORT).get(0);
        if (!realm.equals(realmImport.at("/spec/realm"))) {
            // The realm has one source, src/main/keycloak; this copy is generated from it.
            if (Boolean.getBoolean("k8s.update-realm")) {
                ((ObjectNode) realmImport.get("spec")).set("realm", realm);
                Files.writeString(REALM_IMPORT, REALM_IMPORT_HEADER + Kustomize.YAML.writeValueAsString(realmImport));
            } else {
                fail(REALM_IMPORT + " differs from " + REALM + ": run this test with -Dk8s.update-realm=true");
            }
        }
        assertEquals("factdesk-keycloak", realmImport.at("/spec/keycloakCRName").asText());
        assertEquals("factdesk", realmImport.at("/spec/realm/realm").asText());
        assertEquals("factdesk-keycloak-client", realmImport.at("/spec/placeholders/FACTDESK_SERVER_CLIENT_SECRET/secret/name").asText());
        assertTrue(realmImport.toString().contains("${FACTDESK_SERVER_CLIENT_SECRET}"));

        // The only user is factdesk-server's service account; people come from the desk's own directory.
        for (JsonNode user : realmImport.at("/spec/realm/users")) {
            assertTrue(user.has("serviceAccountClientId"), "the realm import carries user " + user.path("username"));
        }
        String text = Files.readString(REALM_IMPORT);
        for (JsonNode user : JSON.readTree(DEMO_USERS.toFile()).path("users")) {
            String username = user.path("username").asText();
            assertFalse(Pattern.compile("\\b" + username + "\\b").matcher(text).find(), "demo user " + username);
        }
        assertTrue(JSON.readTree(DEMO_USERS.toFile()).path("users").size() >= 5, "demo users file not read");
    }

    static final String REALM_IMPORT_HEADER = """
            # GENERATED from src/main/keycloak/factdesk-realm.json (the production realm, without the demo
            # users) by KubernetesManifestsTest: edit the realm there, then run
            #   ./mvnw test -Dtest=KubernetesManifestsTest -Dk8s.update-realm=true
            # placeholders fills ${FACTDESK_SERVER_CLIENT_SECRET} from the Secret the server reads too.
            """;

    @Test
    void migrationsAreSafeWithReplicasStartingTogether() throws IOException {
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        assertTrue(properties.contains("\nquarkus.flyway.migrate-at-start=true"));
        String readme = Files.readString(K8S.resolve("README.md"));
        assertTrue(readme.contains("advisory lock"), "k8s/README.md explains Flyway's advisory lock");
    }
}
