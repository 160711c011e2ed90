package org.factdesk.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.factdesk.outbound.TargetGuard;
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
    /** The desk's public address, generated in each overlay: not a secret, but placeholders read only Secrets. */
    static final String PUBLIC_URL_SECRET = "factdesk-public-url";

    /*
     * Variables read by the container rather than by the server's configuration: the image's Java
     * start script, and JSON console logs (quarkus-logging-json, see k8s/README.md).
     */
    static final Set<String> CONTAINER_VARIABLES = Set.of("JAVA_OPTS_APPEND", "DJL_CACHE_DIR");

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
        assertEquals(List.of("http/8080", "management/9000"), container.getPorts().stream()
                .map(p -> p.getName() + "/" + p.getContainerPort()).toList());
        ContainerPort http = container.getPorts().get(0);
        ContainerPort management = container.getPorts().get(1);
        ConfigMap config = one(resources, ConfigMap.class, "factdesk-config");
        assertEquals("8080", config.getData().get("QUARKUS_HTTP_PORT"));
        assertEquals("9000", config.getData().get("QUARKUS_MANAGEMENT_PORT"));
        assertEquals("0.0.0.0", config.getData().get("QUARKUS_MANAGEMENT_HOST"));

        // The Service, and so every Ingress, reaches the public port only.
        List<ServicePort> servicePorts = one(resources, Service.class, "factdesk").getSpec().getPorts();
        assertEquals(1, servicePorts.size(), "Service ports " + servicePorts);
        ServicePort port = servicePorts.get(0);
        assertEquals("http", port.getName());
        assertEquals(80, port.getPort());
        assertTrue(refersTo(port.getTargetPort(), http), "Service targetPort " + port.getTargetPort());

        Map<String, HTTPGetAction> probes = Map.of(
                "/q/health/started", container.getStartupProbe().getHttpGet(),
                "/q/health/ready", container.getReadinessProbe().getHttpGet(),
                "/q/health/live", container.getLivenessProbe().getHttpGet());
        probes.forEach((path, probe) -> {
            assertEquals(path, probe.getPath());
            assertTrue(refersTo(probe.getPort(), management), path + " probes port " + probe.getPort());
        });
        Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        assertEquals(String.valueOf(management.getContainerPort()), annotations.get("prometheus.io/port"));
        assertEquals("/q/metrics", annotations.get("prometheus.io/path"));

        // The ingress controller reaches the public port, Prometheus the management port.
        NetworkPolicy policy = one(resources, NetworkPolicy.class, "factdesk");
        Map<String, List<String>> portsByNamespace = new java.util.LinkedHashMap<>();
        policy.getSpec().getIngress().forEach(rule -> portsByNamespace.put(
                rule.getFrom().get(0).getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"),
                rule.getPorts().stream().map(p -> refersTo(p.getPort(), http) ? "http"
                        : refersTo(p.getPort(), management) ? "management" : String.valueOf(p.getPort())).toList()));
        assertEquals(Map.of("ingress-nginx", List.of("http"), "monitoring", List.of("management")), portsByNamespace);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void ingressRoutesThePublicPortAndNoManagementPath(String dir) {
        List<ObjectNode> resources = build(dir);
        List<Ingress> ingresses = all(resources, Ingress.class);
        assertFalse(ingresses.isEmpty());
        for (Ingress ingress : ingresses) {
            assertNull(ingress.getSpec().getDefaultBackend(), "a default backend routes every path");
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                assertFalse(path.getPath().startsWith("/q"), "Ingress path " + path.getPath());
                assertEquals("http", path.getBackend().getService().getPort().getName(), "Ingress backend port");
                assertNull(path.getBackend().getService().getPort().getNumber(), "Ingress backend port by number");
            }));
            Objects.requireNonNullElse(ingress.getMetadata().getAnnotations(), Map.<String, String>of()).keySet().forEach(annotation -> assertFalse(
                    annotation.contains("snippet") || annotation.contains("rewrite-target"),
                    "an annotation that could reroute paths: " + annotation));
        }
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

        var world = egress.get(3).getTo().stream().map(NetworkPolicyPeer::getIpBlock).toList();
        assertEquals(List.of("0.0.0.0/0", "::/0"), world.stream().map(IPBlock::getCidr).toList());
        assertTrue(world.get(0).getExcept().containsAll(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
                "169.254.0.0/16", "100.64.0.0/10", "127.0.0.0/8")));
        assertEquals(Set.of("TCP/443", "TCP/80"), ports(egress.get(3).getPorts()));
    }

    /**
     * The IPv6 counterparts of the IPv4 exceptions (private: unique-local and the deprecated
     * site-local; link-local, where cloud metadata lives; loopback), and the prefixes through which
     * an IPv6 address reaches an IPv4 one (mapped, NAT64, 6to4, Teredo).
     */
    static final List<String> IPV6_EXCEPTIONS = List.of("fc00::/7", "fec0::/10", "fe80::/10", "::1/128",
            "::ffff:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "2002::/16", "2001::/32");

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyAddressRuleCoversIpv4AndIpv6Alike(String dir) {
        Set<String> refusedByTheServer = new java.util.HashSet<>();
        TargetGuard.SPECIAL_PURPOSE.forEach(range -> refusedByTheServer.add(range.cidr()));
        int rulesWithAddresses = 0;
        for (NetworkPolicy policy : all(build(dir), NetworkPolicy.class)) {
            List<List<NetworkPolicyPeer>> peerLists = new ArrayList<>();
            policy.getSpec().getIngress().forEach(rule -> peerLists.add(rule.getFrom()));
            policy.getSpec().getEgress().forEach(rule -> peerLists.add(rule.getTo()));
            for (List<NetworkPolicyPeer> peers : peerLists) {
                List<IPBlock> blocks = peers.stream().map(NetworkPolicyPeer::getIpBlock).filter(Objects::nonNull).toList();
                if (blocks.isEmpty()) {
                    continue;
                }
                rulesWithAddresses++;
                Map<Boolean, List<IPBlock>> byFamily = blocks.stream()
                        .collect(java.util.stream.Collectors.partitioningBy(b -> b.getCidr().contains(":")));
                assertEquals(byFamily.get(false).size(), byFamily.get(true).size(),
                        policy.getMetadata().getName() + ": IPv4 and IPv6 blocks in one rule " + blocks);
                for (IPBlock block : blocks) {
                    for (String except : block.getExcept()) {
                        assertTrue(refusedByTheServer.contains(except), except + " is not one of TargetGuard's ranges");
                    }
                }
                for (IPBlock v6 : byFamily.get(true)) {
                    assertEquals("::/0", v6.getCidr(), "the IPv6 block is the whole internet, with exceptions");
                    assertTrue(v6.getExcept().containsAll(IPV6_EXCEPTIONS), "IPv6 exceptions " + v6.getExcept());
                }
            }
        }
        assertTrue(rulesWithAddresses > 0, "no rule with addresses found");
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
        assertEquals(PUBLIC_URL_SECRET + "/url", secretRef(fromSecrets.get("FACTDESK_PUBLISHER_BASE_URL")));
        assertEquals("0.0.0.0", env.get("QUARKUS_HTTP_HOST"));
        assertEquals("true", env.get("QUARKUS_LOG_CONSOLE_JSON_ENABLED"));
        assertTrue(env.get("JAVA_OPTS_APPEND").contains("-XX:MaxRAMPercentage="));
        String keycloak = dir.equals("overlays/prod") ? "https://factdesk-keycloak-service:8443" : "http://factdesk-keycloak-service:8080";
        assertEquals(keycloak + "/realms/factdesk", env.get("QUARKUS_OIDC_AUTH_SERVER_URL"));
        assertEquals(keycloak, env.get("QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL"));
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
            if (secret.getMetadata().getName().equals(PUBLIC_URL_SECRET)) {
                continue; // a public address, not a secret (publicUrlIsSetInEachOverlay)
            }
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
                .filter(s -> !s.getMetadata().getName().equals(PUBLIC_URL_SECRET))
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
        assertEquals(PUBLIC_URL_SECRET, realmImport.at("/spec/placeholders/FACTDESK_PUBLIC_URL/secret/name").asText());
        assertEquals("url", realmImport.at("/spec/placeholders/FACTDESK_PUBLIC_URL/secret/key").asText());

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
            # placeholders fill ${FACTDESK_PUBLIC_URL} from each overlay's factdesk-public-url and
            # ${FACTDESK_SERVER_CLIENT_SECRET} from the Secret the server reads too.
            """;

    /** Every ${NAME} the operator replaces in the realm (Keycloak's import syntax for environment variables). */
    static Set<String> placeholdersIn(JsonNode realm) {
        Set<String> names = new java.util.TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(realm.toString());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void publicUrlIsSetInEachOverlayAndFillsTheRedirectUris(String dir) throws IOException {
        List<ObjectNode> resources = build(dir);
        ObjectNode realmImport = custom(resources, "KeycloakRealmImport", "factdesk-realm");
        JsonNode placeholders = realmImport.at("/spec/placeholders");
        assertEquals(Set.of("FACTDESK_PUBLIC_URL", "FACTDESK_SERVER_CLIENT_SECRET"), placeholdersIn(realmImport.at("/spec/realm")));
        Set<String> built = new LinkedHashSet<>();
        all(resources, Secret.class).forEach(secret -> built.add(secret.getMetadata().getName()));
        String readme = Files.readString(K8S.resolve("README.md"));
        for (String name : placeholdersIn(realmImport.at("/spec/realm"))) {
            String secret = placeholders.at("/" + name + "/secret/name").asText();
            assertFalse(secret.isEmpty(), "no placeholder for ${" + name + "}");
            assertTrue(built.contains(secret) || readme.contains("create secret generic " + secret),
                    secret + " is neither built in " + dir + " nor created by hand in k8s/README.md");
        }

        // The overlay's public address: the Ingress' host, https where the Ingress has TLS for it.
        Secret publicUrl = one(resources, Secret.class, PUBLIC_URL_SECRET);
        assertEquals(Set.of("url"), publicUrl.getData().keySet());
        String url = new String(java.util.Base64.getDecoder().decode(publicUrl.getData().get("url")), java.nio.charset.StandardCharsets.UTF_8);
        Ingress ingress = one(resources, Ingress.class, "factdesk");
        String host = ingress.getSpec().getRules().get(0).getHost();
        boolean tls = ingress.getSpec().getTls() != null && ingress.getSpec().getTls().stream().anyMatch(t -> t.getHosts().contains(host));
        assertEquals((tls ? "https://" : "http://") + host, url);
        assertEquals(dir.equals("overlays/prod"), tls, "TLS at the ingress in prod only");

        // What the operator imports: the realm with the placeholder replaced.
        JsonNode imported = JSON.readTree(realmImport.at("/spec/realm").toString().replace("${FACTDESK_PUBLIC_URL}", url));
        JsonNode web = client(imported, "factdesk-web");
        assertEquals(List.of(url + "/*"), texts(web.path("redirectUris")));
        assertEquals(List.of(url), texts(web.path("webOrigins")));
        assertEquals(url + "/*", web.at("/attributes/post.logout.redirect.uris").asText());
        assertFalse(realmImport.toString().contains("localhost"), "a localhost address in the realm import");
    }

    static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void productionRealmLocksOutGuessersAndRefusesWeakPasswords() throws IOException {
        JsonNode realm = JSON.readTree(REALM.toFile());
        assertTrue(realm.path("bruteForceProtected").asBoolean(), "brute-force detection");
        // Temporary lockouts: a permanent one would let anyone lock an editor out on deadline.
        assertFalse(realm.path("permanentLockout").asBoolean());
        int failures = realm.path("failureFactor").asInt();
        assertTrue(failures >= 3 && failures <= 10, "lockout after " + failures + " failures");
        assertTrue(realm.path("waitIncrementSeconds").asInt() >= 60);
        assertTrue(realm.path("maxFailureWaitSeconds").asInt() >= realm.path("waitIncrementSeconds").asInt()
                && realm.path("maxFailureWaitSeconds").asInt() <= 3600, "longest lockout at most an hour");

        Map<String, String> policy = new java.util.HashMap<>();
        for (String part : realm.path("passwordPolicy").asText().split(" and ")) {
            Matcher m = Pattern.compile("(\\w+)(?:\\((\\d+)\\))?").matcher(part.trim());
            assertTrue(m.matches(), "policy part " + part);
            policy.put(m.group(1), m.group(2));
        }
        assertTrue(Integer.parseInt(policy.get("length")) >= 12, "minimum length " + policy.get("length"));
        assertTrue(Integer.parseInt(policy.get("maxLength")) >= 64, "long passphrases allowed");
        assertTrue(policy.containsKey("notUsername") || policy.containsKey("notContainsUsername"), policy.toString());
        assertTrue(policy.containsKey("notEmail"), policy.toString());
        assertTrue(Integer.parseInt(policy.get("passwordHistory")) >= 3, "not recently used");
        assertFalse(policy.containsKey("forceExpiredPasswordChange"), "no periodic expiry (NIST SP 800-63B)");
    }

    @Test
    void productionRealmAsksEditorsAndAdminsForASecondFactor() throws IOException {
        JsonNode realm = JSON.readTree(REALM.toFile());
        assertEquals("totp", realm.path("otpPolicyType").asText());
        assertFalse(realm.path("otpPolicyCodeReusable").asBoolean());

        // The bound browser flow has a conditional step: holders of role R give a one-time code, REQUIRED.
        String role = requiredSecondFactorRole(realm, realm.path("browserFlow").asText(), "auth-otp-form");
        Map<String, Set<String>> effective = effectiveRealmRoles(realm);
        for (String desk : List.of("editor", "admin")) {
            assertTrue(effective.get(desk).contains(role), desk + " does not include " + role);
        }
        for (String desk : List.of("factchecker", "reviewer")) {
            assertFalse(effective.get(desk).contains(role), desk + " should sign in without a second factor");
        }
        // A REQUIRED one-time code that is not set up makes Keycloak add CONFIGURE_TOTP, unless that is switched off.
        for (JsonNode action : realm.path("requiredActions")) {
            if (action.path("alias").asText().equals("CONFIGURE_TOTP")) {
                assertTrue(action.path("enabled").asBoolean(), "CONFIGURE_TOTP is disabled");
            }
        }
        // The password grant (Keycloak's admin-cli has it) cannot skip the second factor: it refuses R's holders.
        assertEquals(role, requiredSecondFactorRole(realm, realm.path("directGrantFlow").asText(), "deny-access-authenticator"));
    }

    /** The role whose holders meet {@code authenticator} as a REQUIRED step of a conditional subflow of {@code flow}. */
    static String requiredSecondFactorRole(JsonNode realm, String flow, String authenticator) {
        assertFalse(flow.isEmpty(), "no flow bound");
        Map<String, JsonNode> flows = new java.util.HashMap<>();
        realm.path("authenticationFlows").forEach(f -> flows.put(f.path("alias").asText(), f));
        Map<String, JsonNode> configs = new java.util.HashMap<>();
        realm.path("authenticatorConfig").forEach(c -> configs.put(c.path("alias").asText(), c.path("config")));
        List<String> pending = new ArrayList<>(List.of(flow));
        while (!pending.isEmpty()) {
            JsonNode current = flows.get(pending.remove(0));
            assertNotNull(current, "flow " + flow + " is not in the realm");
            for (JsonNode step : current.path("authenticationExecutions")) {
                if (!step.path("authenticatorFlow").asBoolean()) {
                    continue;
                }
                String sub = step.path("flowAlias").asText();
                pending.add(sub);
                if (!step.path("requirement").asText().equals("CONDITIONAL")) {
                    continue;
                }
                String role = null;
                boolean required = false;
                for (JsonNode inner : flows.get(sub).path("authenticationExecutions")) {
                    JsonNode config = configs.get(inner.path("authenticatorConfig").asText());
                    if (inner.path("authenticator").asText().equals("conditional-user-role") && config != null
                            && !config.path("negate").asBoolean()) {
                        role = config.path("condUserRole").asText();
                    }
                    required |= inner.path("authenticator").asText().equals(authenticator)
                            && inner.path("requirement").asText().equals("REQUIRED");
                }
                if (role != null && required) {
                    return role;
                }
            }
        }
        throw new AssertionError("flow " + flow + " has no conditional subflow with a role and " + authenticator + " REQUIRED");
    }

    /** Each realm role with the roles it includes (composites, transitively). */
    static Map<String, Set<String>> effectiveRealmRoles(JsonNode realm) {
        Map<String, List<String>> direct = new java.util.HashMap<>();
        realm.at("/roles/realm").forEach(r -> direct.put(r.path("name").asText(), texts(r.at("/composites/realm"))));
        Map<String, Set<String>> effective = new java.util.HashMap<>();
        direct.keySet().forEach(role -> {
            Set<String> seen = new LinkedHashSet<>(List.of(role));
            List<String> pending = new ArrayList<>(direct.get(role));
            while (!pending.isEmpty()) {
                String next = pending.remove(0);
                if (seen.add(next)) {
                    pending.addAll(direct.getOrDefault(next, List.of()));
                }
            }
            effective.put(role, seen);
        });
        return effective;
    }

    @Test
    void prodTalksToKeycloakOverTlsTrustingItsCa() {
        List<ObjectNode> prod = build("overlays/prod");
        ObjectNode keycloak = custom(prod, "Keycloak", "factdesk-keycloak");
        assertEquals("keycloak-tls", keycloak.at("/spec/http/tlsSecret").asText());
        assertFalse(keycloak.at("/spec/http/httpEnabled").asBoolean(true), "Keycloak still serves plain HTTP");

        Map<String, String> env = one(prod, ConfigMap.class, "factdesk-config").getData();
        for (String url : List.of(env.get("QUARKUS_OIDC_AUTH_SERVER_URL"), env.get("QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL"))) {
            assertTrue(url.startsWith("https://factdesk-keycloak-service:8443"), url);
        }
        // Both clients of Keycloak use one named TLS configuration, whose trust store is a mounted CA.
        String tls = env.get("QUARKUS_OIDC_TLS_TLS_CONFIGURATION_NAME");
        assertNotNull(tls, "OIDC uses the JVM's default trust store");
        assertEquals(tls, env.get("QUARKUS_KEYCLOAK_ADMIN_CLIENT_TLS_CONFIGURATION_NAME"));
        String certs = env.get("QUARKUS_TLS__" + tls.toUpperCase(java.util.Locale.ROOT) + "__TRUST_STORE_PEM_CERTS");
        assertNotNull(certs, "no trust store for the TLS configuration " + tls);

        Deployment deployment = one(prod, Deployment.class, "factdesk");
        var mount = server(deployment).getVolumeMounts().stream()
                .filter(m -> certs.startsWith(m.getMountPath() + "/")).findFirst()
                .orElseThrow(() -> new AssertionError(certs + " is on no mounted volume"));
        assertTrue(mount.getReadOnly());
        var volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        assertEquals("keycloak-ca", volume.getConfigMap().getName());
        String file = certs.substring(mount.getMountPath().length() + 1);
        assertTrue(volume.getConfigMap().getItems().stream().anyMatch(i -> i.getKey().equals("ca.crt") && i.getPath().equals(file)));

        // The NetworkPolicy lets the server reach Keycloak's HTTPS port only.
        var toKeycloak = one(prod, NetworkPolicy.class, "factdesk").getSpec().getEgress().get(2);
        assertEquals("factdesk-keycloak", toKeycloak.getTo().get(0).getPodSelector().getMatchLabels().get("app.kubernetes.io/instance"));
        assertEquals(Set.of("TCP/8443"), ports(toKeycloak.getPorts()));
    }

    @Test
    void migrationsAreSafeWithReplicasStartingTogether() throws IOException {
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        assertTrue(properties.contains("\nquarkus.flyway.migrate-at-start=true"));
        String readme = Files.readString(K8S.resolve("README.md"));
        assertTrue(readme.contains("advisory lock"), "k8s/README.md explains Flyway's advisory lock");
    }
}
