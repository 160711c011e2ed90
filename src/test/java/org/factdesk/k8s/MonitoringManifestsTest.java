package org.factdesk.k8s;

import static org.factdesk.k8s.KubernetesManifestsTest.K8S;
import static org.factdesk.k8s.KubernetesManifestsTest.SCHEMAS;
import static org.factdesk.k8s.KubernetesManifestsTest.build;
import static org.factdesk.k8s.KubernetesManifestsTest.custom;
import static org.factdesk.k8s.KubernetesManifestsTest.one;
import static org.factdesk.k8s.KubernetesManifestsTest.refersTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The monitoring resources in k8s/base: the PodMonitor scrapes the server's management port, the
 * alerts (PrometheusRule) tell the on-call person what is wrong, the Grafana dashboard parses and
 * asks the chosen Prometheus, and both read only metrics listed in {@link MonitoredMetrics}. Each
 * check collects problems, so that the tests below can show it finds a broken copy too.
 */
class MonitoringManifestsTest {

    static final String NAME = "factdesk";
    static final String DASHBOARD = "factdesk-grafana-dashboard";
    static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Each alert with its severity and {@code for}, as k8s/README.md ("Monitoring") describes them. */
    static final Map<String, String> ALERTS = Map.of(
            "FactdeskHighServerErrorRate", "critical for 10m",
            "FactdeskWebhookOutboxLagging", "warning for 10m",
            "FactdeskCaptureQueueLagging", "warning for 15m",
            "FactdeskScheduledPublicationFailed", "critical for 1m",
            "FactdeskScheduledPublicationsOverdue", "warning for 10m",
            "FactdeskAuditCheckpointStale", "critical for 5m",
            "FactdeskLiveListenerDown", "warning for 5m",
            "FactdeskWebhookFailures", "warning for 5m");

    static final Set<String> SEVERITIES = Set.of("critical", "warning");

    // ---------------------------------------------------------------------------------------------
    // CRDs

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/prod"})
    void monitoringResourcesAreBuiltAndMatchTheirCrds(String dir) {
        List<ObjectNode> resources = build(dir);
        for (String kind : List.of("PodMonitor", "PrometheusRule")) {
            ObjectNode resource = custom(resources, kind, NAME);
            assertEquals("monitoring.coreos.com/v1", resource.path("apiVersion").asText());
            assertTrue(SCHEMAS.knows(resource), "no CRD in k8s/schemas for " + kind);
            assertEquals(List.of(), SCHEMAS.validate(resource).stream().map(Object::toString).toList(), kind);
        }
        one(resources, ConfigMap.class, DASHBOARD);
    }

    @Test
    void devLeavesMonitoringOutSoALaptopNeedsNoPrometheusOperator() {
        List<String> kinds = build("overlays/dev").stream()
                .filter(r -> r.path("apiVersion").asText().startsWith("monitoring.coreos.com/")
                        || Kustomize.name(r).equals(DASHBOARD))
                .map(r -> r.path("kind").asText() + " " + Kustomize.name(r))
                .toList();
        assertEquals(List.of(), kinds);
    }

    @Test
    void crdSchemasRejectMistakesInMonitoringResources() {
        List<ObjectNode> base = build("base");
        assertInvalid(base, "PodMonitor", m -> ((ObjectNode) m.get("spec")).set("podMetricsEndpoint", m.at("/spec/podMetricsEndpoints")),
                "a misspelt PodMonitor field");
        assertInvalid(base, "PodMonitor", m -> ((ObjectNode) m.at("/spec/podMetricsEndpoints/0")).put("interval", "30 seconds"),
                "an interval that is no Prometheus duration");
        assertInvalid(base, "PodMonitor", m -> ((ObjectNode) m.get("spec")).remove("selector"), "a PodMonitor without selector");
        assertInvalid(base, "PrometheusRule", r -> ((ObjectNode) r.at("/spec/groups/0/rules/0")).put("fro", "10m"),
                "a misspelt rule field");
        assertInvalid(base, "PrometheusRule", r -> ((ObjectNode) r.at("/spec/groups/0/rules/0")).remove("expr"),
                "a rule without expr");
    }

    static void assertInvalid(List<ObjectNode> resources, String kind, Consumer<ObjectNode> change, String what) {
        ObjectNode copy = custom(resources, kind, NAME).deepCopy();
        change.accept(copy);
        assertFalse(SCHEMAS.validate(copy).isEmpty(), what + " passed the CRD schema");
    }

    // ---------------------------------------------------------------------------------------------
    // PodMonitor

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/prod"})
    void podMonitorScrapesTheServersManagementPort(String dir) {
        assertEquals(List.of(), podMonitorProblems(build(dir)));
    }

    @Test
    void podMonitorChecksFindMistakes() {
        List<ObjectNode> base = build("base");
        Map<String, List<ObjectNode>> broken = new LinkedHashMap<>();
        broken.put("a port name no container has", changed(base, "PodMonitor", NAME,
                m -> ((ObjectNode) m.at("/spec/podMetricsEndpoints/0")).put("port", "metrics")));
        broken.put("the public port", changed(base, "PodMonitor", NAME,
                m -> ((ObjectNode) m.at("/spec/podMetricsEndpoints/0")).put("port", "http")));
        broken.put("a label the pods lack", changed(base, "PodMonitor", NAME,
                m -> ((ObjectNode) m.at("/spec/selector/matchLabels")).put("app.kubernetes.io/component", "worker")));
        broken.put("another path", changed(base, "PodMonitor", NAME,
                m -> ((ObjectNode) m.at("/spec/podMetricsEndpoints/0")).put("path", "/metrics")));
        broken.put("a job label the pods lack", changed(base, "PodMonitor", NAME,
                m -> ((ObjectNode) m.get("spec")).put("jobLabel", "app")));
        broken.put("other namespaces", changed(base, "PodMonitor", NAME,
                m -> ((ObjectNode) m.get("spec")).putObject("namespaceSelector").put("any", true)));
        broken.put("no way in from the monitoring namespace", changed(base, "NetworkPolicy", NAME,
                p -> ((ArrayNode) p.at("/spec/ingress")).remove(1)));
        broken.put("a rule without the job", changed(base, "PrometheusRule", NAME,
                r -> ((ObjectNode) r.at("/spec/groups/0/rules/1")).put("expr", "factdesk_webhooks_outbox_lag_seconds > 300")));
        broken.forEach((what, resources) -> assertFalse(podMonitorProblems(resources).isEmpty(), what + " went unnoticed"));
    }

    static List<String> podMonitorProblems(List<ObjectNode> resources) {
        List<String> problems = new ArrayList<>();
        ObjectNode monitor = custom(resources, "PodMonitor", NAME);
        Deployment deployment = one(resources, Deployment.class, NAME);
        var template = deployment.getSpec().getTemplate();
        Map<String, String> podLabels = template.getMetadata().getLabels();

        if (!Objects.equals(deployment.getMetadata().getNamespace(), monitor.at("/metadata/namespace").textValue())) {
            problems.add("the PodMonitor is not in the Deployment's namespace");
        }
        if (!monitor.at("/spec/namespaceSelector").isMissingNode()) {
            problems.add("the PodMonitor looks beyond its own namespace: " + monitor.at("/spec/namespaceSelector"));
        }
        JsonNode selector = monitor.at("/spec/selector");
        if (selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty()) {
            problems.add("an empty selector scrapes every pod of the namespace");
        } else if (!selects(selector, podLabels)) {
            problems.add("selector " + selector + " does not select the server's pods " + podLabels);
        }

        List<ContainerPort> ports = new ArrayList<>();
        template.getSpec().getContainers().forEach(c -> ports.addAll(c.getPorts()));
        Map<String, String> annotations = template.getMetadata().getAnnotations();
        NetworkPolicy policy = one(resources, NetworkPolicy.class, NAME);
        JsonNode endpoints = monitor.at("/spec/podMetricsEndpoints");
        if (endpoints.size() != 1) {
            problems.add("expected one metrics endpoint, found " + endpoints.size());
        }
        for (JsonNode endpoint : endpoints) {
            String name = endpoint.path("port").asText();
            ContainerPort port = ports.stream().filter(p -> name.equals(p.getName())).findFirst().orElse(null);
            if (port == null) {
                problems.add("endpoint port '" + name + "' is no container port of the Deployment: "
                        + ports.stream().map(ContainerPort::getName).toList());
            } else {
                if (!String.valueOf(port.getContainerPort()).equals(annotations.get("prometheus.io/port"))) {
                    problems.add("endpoint port '" + name + "' is not the management port " + annotations.get("prometheus.io/port"));
                }
                if (!admitsFromMonitoring(policy, port)) {
                    problems.add("the NetworkPolicy does not let the namespace monitoring reach port '" + name + "'");
                }
            }
            if (!"/q/metrics".equals(endpoint.path("path").asText())
                    || !endpoint.path("path").asText().equals(annotations.get("prometheus.io/path"))) {
                problems.add("endpoint path " + endpoint.path("path") + " is not /q/metrics");
            }
            if (!"30s".equals(endpoint.path("interval").asText())) {
                problems.add("endpoint interval " + endpoint.path("interval") + " is not 30s");
            }
        }

        // The pods' jobLabel value becomes the series' job: every selector in the alerts and the dashboard names it.
        String job = podLabels.get(monitor.at("/spec/jobLabel").asText());
        if (job == null) {
            problems.add("jobLabel " + monitor.at("/spec/jobLabel") + " is no label of the server's pods");
        } else {
            for (String expr : expressions(resources)) {
                for (String metric : metricNames(expr)) {
                    Matcher m = Pattern.compile("(?<![\\w:])" + Pattern.quote(metric) + "(?![\\w:])\\s*(\\{[^}]*})?").matcher(expr);
                    while (m.find()) {
                        if (m.group(1) == null || !Pattern.compile("\\bjob\\s*=\\s*\"" + Pattern.quote(job) + "\"").matcher(m.group(1)).find()) {
                            problems.add(metric + " without job=\"" + job + "\" in " + expr);
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** A label selector (matchLabels and matchExpressions) against a pod's labels. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        boolean matches = true;
        for (var entry : selector.path("matchLabels").properties()) {
            matches &= entry.getValue().asText().equals(labels.get(entry.getKey()));
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            List<String> values = KubernetesManifestsTest.texts(expression.path("values"));
            matches &= switch (expression.path("operator").asText()) {
                case "In" -> values.contains(value);
                case "NotIn" -> !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
        }
        return matches;
    }

    /** An ingress rule lets pods of the namespace monitoring reach this port over TCP. */
    static boolean admitsFromMonitoring(NetworkPolicy policy, ContainerPort port) {
        return policy.getSpec().getIngress().stream().anyMatch(rule ->
                (rule.getFrom() == null || rule.getFrom().isEmpty() || rule.getFrom().stream().anyMatch(peer ->
                        peer.getNamespaceSelector() != null && peer.getNamespaceSelector().getMatchLabels() != null
                        && "monitoring".equals(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))))
                && (rule.getPorts() == null || rule.getPorts().isEmpty() || rule.getPorts().stream().anyMatch(p ->
                        (p.getProtocol() == null || p.getProtocol().equals("TCP")) && refersTo(p.getPort(), port))));
    }

    // ---------------------------------------------------------------------------------------------
    // Alerts

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/prod"})
    void everyAlertHasForASeverityAndWordsForTheOnCallPerson(String dir) {
        ObjectNode rule = custom(build(dir), "PrometheusRule", NAME);
        assertEquals(List.of(), alertProblems(rule));
        Map<String, String> alerts = new LinkedHashMap<>();
        rule.at("/spec/groups").forEach(g -> g.path("rules").forEach(r -> alerts.put(r.path("alert").asText(),
                r.at("/labels/severity").asText() + " for " + r.path("for").asText())));
        assertEquals(ALERTS, alerts);
    }

    @Test
    void alertChecksFindMistakes() {
        ObjectNode rule = custom(build("base"), "PrometheusRule", NAME);
        Map<String, Consumer<ObjectNode>> broken = new LinkedHashMap<>();
        broken.put("no for", r -> r.remove("for"));
        broken.put("for: 0m", r -> r.put("for", "0m"));
        broken.put("no severity", r -> ((ObjectNode) r.get("labels")).remove("severity"));
        broken.put("an unknown severity", r -> ((ObjectNode) r.get("labels")).put("severity", "urgent"));
        broken.put("no summary", r -> ((ObjectNode) r.get("annotations")).remove("summary"));
        broken.put("a blank description", r -> ((ObjectNode) r.get("annotations")).put("description", " "));
        broken.put("a label the aggregation drops", r -> ((ObjectNode) r.get("annotations"))
                .put("description", "Pod {{ $labels.pod }} is behind."));
        broken.put("a recording rule", r -> {
            r.remove("alert");
            r.put("record", "factdesk:lag:max");
        });
        broken.forEach((what, change) -> {
            ObjectNode copy = rule.deepCopy();
            change.accept((ObjectNode) copy.at("/spec/groups/0/rules/1"));
            assertFalse(alertProblems(copy).isEmpty(), what + " went unnoticed");
        });
    }

    static List<String> alertProblems(ObjectNode prometheusRule) {
        List<String> problems = new ArrayList<>();
        for (JsonNode group : prometheusRule.at("/spec/groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asText();
                if (name.isBlank()) {
                    problems.add("a rule that is no alert: " + rule.path("expr").asText());
                    continue;
                }
                String wait = rule.path("for").asText();
                if (!wait.matches("([0-9]+(ms|s|m|h|d|w|y))+") || wait.matches("(0+(ms|s|m|h|d|w|y))+")) {
                    problems.add(name + ": `for` is missing or zero: '" + wait + "'");
                }
                String severity = rule.at("/labels/severity").asText();
                if (!SEVERITIES.contains(severity)) {
                    problems.add(name + ": severity '" + severity + "' is not one of " + SEVERITIES);
                }
                for (String annotation : List.of("summary", "description")) {
                    if (rule.at("/annotations/" + annotation).asText().isBlank()) {
                        problems.add(name + ": no " + annotation);
                    }
                }
                // {{ $labels.x }} is empty once an aggregation has dropped x.
                Set<String> kept = labelsKept(rule.path("expr").asText());
                Matcher m = Pattern.compile("\\$labels\\.(\\w+)").matcher(rule.path("annotations").toString());
                while (m.find()) {
                    if (kept != null && !kept.contains(m.group(1))) {
                        problems.add(name + ": the annotations use $labels." + m.group(1) + ", which the expression drops (keeps " + kept + ")");
                    }
                }
            }
        }
        return problems;
    }

    static final Pattern AGGREGATION = Pattern.compile(
            "\\b(sum|min|max|avg|count|group|stddev|stdvar|topk|bottomk|quantile|count_values)\\s*(?:(by|without)\\s*\\(([^)]*)\\))?\\s*\\(");

    /** The labels every aggregation of {@code expr} keeps; null when there is none (or one uses {@code without}). */
    static Set<String> labelsKept(String expr) {
        Set<String> kept = null;
        Matcher m = AGGREGATION.matcher(expr);
        while (m.find()) {
            if ("without".equals(m.group(2))) {
                return null;
            }
            Set<String> these = new TreeSet<>();
            if (m.group(3) != null) {
                for (String label : m.group(3).split(",")) {
                    if (!label.isBlank()) {
                        these.add(label.strip());
                    }
                }
            }
            if (kept == null) {
                kept = these;
            } else {
                kept.retainAll(these);
            }
        }
        return kept;
    }

    // ---------------------------------------------------------------------------------------------
    // Grafana dashboard

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/prod"})
    void dashboardParsesAndAsksTheChosenPrometheus(String dir) {
        assertEquals(List.of(), dashboardProblems(build(dir)));
    }

    @Test
    void dashboardChecksFindMistakes() {
        List<ObjectNode> base = build("base");
        Map<String, List<ObjectNode>> broken = new LinkedHashMap<>();
        broken.put("no sidecar label", changed(base, "ConfigMap", DASHBOARD,
                c -> ((ObjectNode) c.at("/metadata/labels")).remove("grafana_dashboard")));
        broken.put("JSON that does not parse", changed(base, "ConfigMap", DASHBOARD,
                c -> ((ObjectNode) c.get("data")).put("factdesk.json", dashboardJson(c).replaceFirst("}\\s*$", ""))));
        broken.put("a fixed data source", changed(base, "ConfigMap", DASHBOARD, c -> editDashboard(c,
                d -> ((ObjectNode) d.at("/panels/1/datasource")).put("uid", "prometheus"))));
        broken.put("no datasource variable", changed(base, "ConfigMap", DASHBOARD, c -> editDashboard(c,
                d -> ((ArrayNode) d.at("/templating/list")).remove(0))));
        broken.put("an undefined variable", changed(base, "ConfigMap", DASHBOARD, c -> editDashboard(c,
                d -> ((ObjectNode) d.at("/panels/1/targets/0")).put("expr",
                        d.at("/panels/1/targets/0/expr").asText().replace("$namespace", "$ns")))));
        broken.put("two panels with one id", changed(base, "ConfigMap", DASHBOARD, c -> editDashboard(c,
                d -> ((ObjectNode) d.at("/panels/2")).put("id", d.at("/panels/1/id").asInt()))));
        broken.forEach((what, resources) -> assertFalse(dashboardProblems(resources).isEmpty(), what + " went unnoticed"));
    }

    static List<String> dashboardProblems(List<ObjectNode> resources) {
        List<String> problems = new ArrayList<>();
        ConfigMap map = one(resources, ConfigMap.class, DASHBOARD);
        // The Grafana sidecar's convention: it loads ConfigMaps with this label.
        if (!"1".equals(Objects.requireNonNullElse(map.getMetadata().getLabels(), Map.<String, String>of()).get("grafana_dashboard"))) {
            problems.add("the ConfigMap lacks the label grafana_dashboard: \"1\"");
        }
        if (map.getData().size() != 1 || !map.getData().keySet().iterator().next().endsWith(".json")) {
            problems.add("expected one *.json key, found " + map.getData().keySet());
            return problems;
        }
        JsonNode dashboard;
        try {
            dashboard = STRICT_JSON.readTree(map.getData().values().iterator().next());
        } catch (JsonProcessingException e) {
            problems.add("the dashboard is no JSON: " + e.getOriginalMessage());
            return problems;
        }
        for (String field : List.of("title", "uid")) {
            if (dashboard.path(field).asText().isBlank()) {
                problems.add("the dashboard has no " + field);
            }
        }
        Set<String> variables = new TreeSet<>(Set.of("__rate_interval", "__interval", "__range"));
        boolean datasourceVariable = false;
        for (JsonNode variable : dashboard.at("/templating/list")) {
            variables.add(variable.path("name").asText());
            datasourceVariable |= variable.path("name").asText().equals("datasource")
                    && variable.path("type").asText().equals("datasource") && variable.path("query").asText().equals("prometheus");
            if (variable.path("type").asText().equals("query")) {
                checkDatasource(variable.path("datasource"), "variable " + variable.path("name").asText(), problems);
            }
        }
        if (!datasourceVariable) {
            problems.add("no variable datasource of type datasource for prometheus");
        }
        Set<Integer> ids = new TreeSet<>();
        List<JsonNode> panels = panels(dashboard);
        for (JsonNode panel : panels) {
            String title = "panel '" + panel.path("title").asText() + "'";
            if (!ids.add(panel.path("id").asInt(-1))) {
                problems.add(title + ": id " + panel.path("id") + " missing or used twice");
            }
            if (!panel.path("gridPos").isObject()) {
                problems.add(title + ": no gridPos");
            }
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            checkDatasource(panel.path("datasource"), title, problems);
            if (panel.path("targets").isEmpty()) {
                problems.add(title + ": no queries");
            }
            for (JsonNode target : panel.path("targets")) {
                if (!target.path("datasource").isMissingNode()) {
                    checkDatasource(target.path("datasource"), title + " query " + target.path("refId").asText(), problems);
                }
                if (target.path("expr").asText().isBlank()) {
                    problems.add(title + ": query " + target.path("refId").asText() + " has no expr");
                }
            }
        }
        for (String expr : dashboardExpressions(dashboard)) {
            Matcher m = Pattern.compile("\\$\\{?(\\w+)").matcher(expr);
            while (m.find()) {
                if (!variables.contains(m.group(1))) {
                    problems.add("undefined variable $" + m.group(1) + " in " + expr);
                }
            }
        }
        return problems;
    }

    static void checkDatasource(JsonNode datasource, String where, List<String> problems) {
        if (!datasource.path("type").asText().equals("prometheus") || !datasource.path("uid").asText().equals("${datasource}")) {
            problems.add(where + ": data source " + datasource + " is not the chosen ${datasource}");
        }
    }

    /** Every panel, rows' nested panels included. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            all.add(panel);
            panel.path("panels").forEach(all::add);
        }
        return all;
    }

    static String dashboardJson(ObjectNode configMap) {
        return configMap.path("data").properties().iterator().next().getValue().asText();
    }

    static void editDashboard(ObjectNode configMap, Consumer<ObjectNode> change) {
        try {
            ObjectNode dashboard = (ObjectNode) STRICT_JSON.readTree(dashboardJson(configMap));
            change.accept(dashboard);
            String key = configMap.path("data").properties().iterator().next().getKey();
            ((ObjectNode) configMap.get("data")).put(key, STRICT_JSON.writerWithDefaultPrettyPrinter().writeValueAsString(dashboard));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Metric names

    @Test
    void everyMetricTheAlertsAndTheDashboardReadIsInTheOneList() {
        List<ObjectNode> base = build("base");
        assertEquals(MonitoredMetrics.NAMES.size(), Set.copyOf(MonitoredMetrics.NAMES).size(), "a name listed twice");
        assertEquals(List.of(), unlistedMetrics(base));
        // The dashboard shows every listed metric, so the list holds no name nothing reads.
        Set<String> inDashboard = new TreeSet<>();
        dashboardExpressions(dashboardOf(one(base, ConfigMap.class, DASHBOARD))).forEach(e -> inDashboard.addAll(metricNames(e)));
        assertEquals(new TreeSet<>(MonitoredMetrics.NAMES), inDashboard);
        Set<String> inRules = new TreeSet<>();
        ruleExpressions(custom(base, "PrometheusRule", NAME)).forEach(e -> inRules.addAll(metricNames(e)));
        assertEquals(new TreeSet<>(List.of("http_server_requests_seconds_count", "factdesk_webhooks_outbox_lag_seconds",
                "factdesk_captures_queue_lag_seconds", "factdesk_publications_scheduled_failed", "factdesk_publications_scheduled_due",
                "factdesk_audit_checkpoint_age_seconds", "factdesk_live_listener_up", "factdesk_webhooks_failures_total")), inRules);
    }

    @Test
    void anUnlistedMetricIsFound() {
        List<ObjectNode> base = build("base");
        List<ObjectNode> rule = changed(base, "PrometheusRule", NAME, r -> ((ObjectNode) r.at("/spec/groups/0/rules/1"))
                .put("expr", "max by (namespace) (factdesk_webhooks_outbox_lag{job=\"factdesk\"}) > 300"));
        assertEquals(List.of("factdesk_webhooks_outbox_lag"), unlistedMetrics(rule));
        List<ObjectNode> dashboard = changed(base, "ConfigMap", DASHBOARD, c -> editDashboard(c,
                d -> ((ObjectNode) d.at("/panels/1/targets/0")).put("expr", "sum(rate(http_requests_total{job=\"factdesk\"}[5m]))")));
        assertEquals(List.of("http_requests_total"), unlistedMetrics(dashboard));
    }

    @Test
    void metricNamesAreReadFromPromQl() {
        assertEquals(Set.of("x_bucket"), metricNames(
                "histogram_quantile(0.99, sum by (le) (rate(x_bucket{job=\"a\", le!=\"+Inf\"}[$__rate_interval])))"));
        assertEquals(Set.of("a", "b", "c"), metricNames(
                "(sum by (namespace) (rate(a{outcome=\"SERVER_ERROR\"}[5m])) / sum without (pod) (rate(b[5m]))) > 0.02\n"
                        + "and on (namespace) c > bool 1e3"));
        assertEquals(Set.of("up"), metricNames("label_values(up{job=\"factdesk\"}, namespace)"));
        assertEquals(Set.of("job:requests:rate5m"), metricNames("max(job:requests:rate5m) offset 5m"));
        assertEquals(Set.of("y"), metricNames("sum(y) by (namespace) unless on() vector(1)"));
    }

    static List<String> unlistedMetrics(List<ObjectNode> resources) {
        Set<String> unlisted = new TreeSet<>();
        for (String expr : expressions(resources)) {
            metricNames(expr).stream().filter(n -> !MonitoredMetrics.NAMES.contains(n)).forEach(unlisted::add);
        }
        return List.copyOf(unlisted);
    }

    static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "and", "or", "unless", "bool", "offset", "atan2", "inf", "nan", "start", "end");

    /**
     * The metric names a PromQL expression (or a Grafana label_values query) reads: the identifiers
     * left once strings, label matchers, ranges, label lists and function calls are taken out.
     */
    static Set<String> metricNames(String expr) {
        Matcher labelValues = Pattern.compile("^\\s*label_values\\((.*),\\s*\\w+\\s*\\)\\s*$", Pattern.DOTALL).matcher(expr);
        String s = labelValues.matches() ? labelValues.group(1) : expr;
        s = s.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w:.$])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()").matcher(s);
        while (m.find()) {
            if (!PROMQL_WORDS.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Every PromQL expression of the alerts and the dashboard. */
    static List<String> expressions(List<ObjectNode> resources) {
        List<String> all = new ArrayList<>(ruleExpressions(custom(resources, "PrometheusRule", NAME)));
        all.addAll(dashboardExpressions(dashboardOf(one(resources, ConfigMap.class, DASHBOARD))));
        return all;
    }

    static List<String> ruleExpressions(ObjectNode prometheusRule) {
        List<String> all = new ArrayList<>();
        prometheusRule.at("/spec/groups").forEach(g -> g.path("rules").forEach(r -> all.add(r.path("expr").asText())));
        return all;
    }

    static List<String> dashboardExpressions(JsonNode dashboard) {
        List<String> all = new ArrayList<>();
        for (JsonNode variable : dashboard.at("/templating/list")) {
            if (variable.path("type").asText().equals("query")) {
                JsonNode query = variable.path("query");
                all.add(query.isObject() ? query.path("query").asText() : query.asText());
            }
        }
        for (JsonNode panel : panels(dashboard)) {
            panel.path("targets").forEach(t -> all.add(t.path("expr").asText()));
        }
        return all;
    }

    static JsonNode dashboardOf(ConfigMap map) {
        try {
            return STRICT_JSON.readTree(map.getData().values().iterator().next());
        } catch (JsonProcessingException e) {
            throw new AssertionError(map.getMetadata().getName() + ": " + e.getOriginalMessage(), e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // README

    @Test
    void readmeSaysWhatToDoForEachAlert() throws IOException {
        String readme = Files.readString(K8S.resolve("README.md"));
        int start = readme.indexOf("\n## Monitoring");
        assertTrue(start >= 0, "k8s/README.md has no Monitoring section");
        int end = readme.indexOf("\n## ", start + 3);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        for (String alert : ALERTS.keySet()) {
            assertTrue(section.contains("`" + alert + "`"), "the Monitoring section does not mention " + alert);
        }
        assertTrue(section.contains("grafana_dashboard"), "the Monitoring section does not explain the dashboard's label");
        for (String crd : List.of("monitoring.coreos.com_podmonitors.yaml", "monitoring.coreos.com_prometheusrules.yaml")) {
            assertTrue(Files.exists(K8S.resolve("schemas").resolve(crd)), crd);
            assertTrue(readme.contains(crd), "k8s/README.md does not say where " + crd + " comes from");
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** A deep copy of the built resources with one of them changed. */
    static List<ObjectNode> changed(List<ObjectNode> resources, String kind, String name, Consumer<ObjectNode> change) {
        List<ObjectNode> copy = resources.stream().map(ObjectNode::deepCopy).toList();
        change.accept(custom(copy, kind, name));
        return copy;
    }
}
