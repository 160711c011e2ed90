package org.factdesk.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image the profile {@code image} built ({@code target/image/factdesk-image.tar}): its configuration, the
 * Kubernetes manifests that run it, and its server started from the image's own layers (unpacked, run in a chroot
 * as the image's user) as the pod starts it, with its ahead-of-time cache required ({@code -XX:AOTMode=on}: a JVM
 * that cannot use the cache refuses to start). Needs root, as the build does.
 */
class ImageIT {

    static final Path TARBALL = Path.of("target/image/factdesk-image.tar");
    static final ObjectMapper JSON = new ObjectMapper();
    static JsonNode manifest;
    static JsonNode config;
    /** The pod in k8s/base/deployment.yaml, its server container, and the ConfigMap's settings it gets. */
    static JsonNode pod;
    static JsonNode container;
    static JsonNode settings;

    @BeforeAll
    static void readImage() throws IOException {
        manifest = JSON.readTree(entry(TARBALL, "manifest.json")).get(0);
        config = JSON.readTree(entry(TARBALL, manifest.get("Config").asText()));
        YAMLMapper yaml = new YAMLMapper();
        pod = yaml.readTree(Path.of("k8s/base/deployment.yaml").toFile()).at("/spec/template/spec");
        container = pod.at("/containers/0");
        assertEquals("factdesk", container.get("name").asText());
        settings = yaml.readTree(Path.of("k8s/base/configmap.yaml").toFile()).get("data");
    }

    @Test
    void theImageRunsTheServerAsANonRootUserOnItsTwoPorts() {
        assertEquals(System.getProperty("image.name"), manifest.get("RepoTags").get(0).asText());
        JsonNode container = config.get("config");
        assertEquals(ImageAssembly.USER, container.get("User").asText());
        assertEquals(ImageAssembly.APP, container.get("WorkingDir").asText());
        assertEquals(Set.of("8080/tcp", "9000/tcp"), names(container.get("ExposedPorts")));
        assertEquals(ImageAssembly.ENTRYPOINT, JSON.convertValue(container.get("Entrypoint"), List.class));
        assertTrue(ImageAssembly.ENTRYPOINT.get(2).contains("-XX:AOTCache=" + ImageAssembly.CACHE));
    }

    @Test
    void theAheadOfTimeCacheTheEntrypointNamesIsInTheImage() throws IOException {
        long cache = 0;
        try (TarArchiveInputStream image = new TarArchiveInputStream(Files.newInputStream(TARBALL))) {
            for (TarArchiveEntry layer; (layer = image.getNextEntry()) != null; ) {
                if (layer.getName().endsWith(".tar.gz")) {
                    // read in place: closing the layer's stream would close the image's
                    TarArchiveInputStream files = new TarArchiveInputStream(new GZIPInputStream(image));
                    for (TarArchiveEntry file; (file = files.getNextEntry()) != null; ) {
                        if (("/" + file.getName()).equals(ImageAssembly.CACHE)) {
                            cache = file.getSize();
                        }
                    }
                }
            }
        }
        assertTrue(cache > 10 << 20, "the ahead-of-time cache holds the server's classes: " + cache + " bytes");
    }

    @Test
    void theKubernetesDeploymentRunsThisImageAsItsUser() {
        assertEquals(manifest.get("RepoTags").get(0).asText(), container.get("image").asText());
        assertEquals(ImageAssembly.USER, pod.at("/securityContext/runAsUser").asText() + ":"
                + pod.at("/securityContext/runAsGroup").asText());
    }

    @Test
    void theServerStartsFromTheImageAsItsUserWithItsAheadOfTimeCache() throws Exception {
        Path folder = Files.createTempDirectory(TARBALL.getParent(), "unpacked-");
        try {
            startsFrom(unpack(folder));
        } finally {
            ImageServer.run("rm", "-rf", "--one-file-system", folder.toString()); // never into a mount left behind
        }
    }

    /**
     * With the pod's JVM options and as the JVM sees the pod's limits (one CPU makes it choose the serial
     * collector, not the training run's G1; the heap is a share of the memory limit).
     */
    private static void startsFrom(Path root) throws Exception {
        JsonNode limits = container.at("/resources/limits");
        String podJvm = settings.get("JAVA_OPTS_APPEND").asText()
                + " -XX:ActiveProcessorCount=" + (int) Math.ceil(cpus(limits.get("cpu").asText()))
                + " -XX:MaxRAM=" + bytes(limits.get("memory").asText());
        try (ImageServer server = ImageServer.start(root, List.of("/bin/sh", "-c", ImageAssembly.ENTRYPOINT.get(2)),
                Map.of("JAVA_OPTS_APPEND", "-XX:AOTMode=on " + podJvm))) {
            System.out.printf("the image's server was ready %d ms after its start%n", server.readyMillis);
            assertEquals(200, server.status("GET", "/api/tickets", null));
        }
    }

    /** The image's layers, in order, unpacked into a fresh folder (tar keeps owners, modes, links and devices). */
    private static Path unpack(Path folder) throws Exception {
        ImageServer.run("tar", "-xf", TARBALL.toString(), "-C", folder.toString());
        Path root = Files.createDirectory(folder.resolve("root"));
        for (JsonNode layer : manifest.get("Layers")) {
            ImageServer.run("tar", "-xzpf", folder.resolve(layer.asText()).toString(), "-C", root.toString());
        }
        return root;
    }

    private static byte[] entry(Path tarball, String name) throws IOException {
        try (TarArchiveInputStream files = new TarArchiveInputStream(Files.newInputStream(tarball))) {
            for (TarArchiveEntry file; (file = files.getNextEntry()) != null; ) {
                if (file.getName().equals(name)) {
                    return files.readAllBytes();
                }
            }
        }
        throw new AssertionError(name + " is not in " + tarball);
    }

    /** A Kubernetes CPU quantity: "1", "1.5", "500m". */
    private static double cpus(String quantity) {
        return quantity.endsWith("m") ? Double.parseDouble(quantity.substring(0, quantity.length() - 1)) / 1000
                : Double.parseDouble(quantity);
    }

    /** A Kubernetes memory quantity in bytes: "1Gi", "512Mi". */
    private static long bytes(String quantity) {
        int shift = switch (quantity.replaceAll("[0-9]", "")) {
            case "" -> 0;
            case "Ki" -> 10;
            case "Mi" -> 20;
            case "Gi" -> 30;
            default -> throw new IllegalArgumentException("memory quantity " + quantity);
        };
        return Long.parseLong(quantity.replaceAll("[^0-9]", "")) << shift;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
