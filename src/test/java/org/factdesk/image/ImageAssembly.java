package org.factdesk.image;

import com.google.cloud.tools.jib.api.Containerizer;

import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the packaged server on the base image that {@code src/main/image/build.sh} made, with Jib, into an image
 * tarball ({@code docker load}, {@code podman load}, {@code kind load image-archive}, {@code ctr images import}):
 * no daemon and no registry. Quarkus' own Jib extension can only hand its image to a Docker daemon or a registry
 * (neither exists where Factdesk is built), and the ahead-of-time cache must be made from the packaged server
 * first, so the image is assembled here, from Quarkus' packaging. Layers from the least to the most often
 * changed: the dependencies, the server, its ahead-of-time cache. Every file is dated 1970-01-01T00:00:01Z (Jib's
 * default), as in the training run that made the cache ({@link #train}), which checks the jars' sizes and dates.
 * Run by the Maven profile {@code image}: {@code ImageAssembly <target dir> <image name>}.
 */
public final class ImageAssembly {

    static final String APP = "/app";
    static final String USER = "185:185";
    static final List<Integer> PORTS = List.of(8080, 9000);
    /** JDK 25's ahead-of-time cache: the classes a desk's first minutes load, already linked, and their method profiles. */
    static final String CACHE = APP + "/app.aot";
    static final String JAVA = "/usr/lib/jvm/java-25-openjdk-amd64/bin/java";
    /** JAVA_OPTS_APPEND: the operator's JVM options (k8s/base/configmap.yaml sets the heap's share of the memory). */
    static final List<String> ENTRYPOINT = List.of("/bin/sh", "-c",
            "exec " + JAVA + " -XX:AOTCache=" + CACHE + " $JAVA_OPTS_APPEND -jar " + APP + "/quarkus-run.jar");

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        String name = args[1];
        Path app = target.resolve("quarkus-app");
        Path image = target.resolve("image");
        Path cache = train(image.resolve("root"), image.resolve("app.aot"));
        Path output = image.resolve("factdesk-image.tar");
        JibContainer built = Jib.from(TarImage.at(image.resolve("base.tar")))
                .setFormat(ImageFormat.Docker)
                .addFileEntriesLayer(layer("dependencies", Map.of(app.resolve("lib"), "lib")))
                .addFileEntriesLayer(layer("server", Map.of(app.resolve("quarkus-run.jar"), "quarkus-run.jar",
                        app.resolve("quarkus"), "quarkus", app.resolve("app"), "app")))
                .addFileEntriesLayer(layer("ahead-of-time cache", Map.of(cache, "app.aot")))
                .setUser(USER)
                .setWorkingDirectory(AbsoluteUnixPath.get(APP))
                .setExposedPorts(Set.copyOf(PORTS.stream().map(Port::tcp).toList()))
                .setEntrypoint(ENTRYPOINT)
                .setLabels(Map.of("org.opencontainers.image.title", "Factdesk",
                        "org.opencontainers.image.source", "https://github.com/factdesk/factdesk"))
                .containerize(Containerizer.to(TarImage.at(output).named(name)).setOfflineMode(true));
        System.out.printf("[image] %s: %s (%d MB), %s%n", name, output, Files.size(output) >> 20, built.getDigest());
    }

    /**
     * The training run: the server in the image's root file system (build.sh put it in /app, dated as Jib dates
     * it), ready, then a desk's first requests (ImageServer.train), then stopped; as it exits, its JVM hands what
     * it recorded to a second JVM that writes the cache (JEP 514), and waits for it.
     */
    static Path train(Path root, Path cache) throws Exception {
        Path written = root.resolve("tmp/app.aot");
        Files.deleteIfExists(written);
        try (ImageServer server = ImageServer.start(root,
                List.of(JAVA, "-XX:AOTCacheOutput=/tmp/app.aot", "-jar", APP + "/quarkus-run.jar"), Map.of())) {
            System.out.printf("[image] training run: ready after %d ms%n", server.readyMillis);
            server.train();
        }
        if (!Files.isRegularFile(written) || Files.size(written) < 1 << 20) {
            throw new IllegalStateException("the training run wrote no ahead-of-time cache");
        }
        Files.move(written, cache, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("[image] ahead-of-time cache: %d MB%n", Files.size(cache) >> 20);
        return cache;
    }

    /** Files and folders (recursively) under /app, by their path there. */
    private static FileEntriesLayer layer(String name, Map<Path, String> sources) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        for (var source : sources.entrySet()) {
            layer.addEntryRecursive(source.getKey(), AbsoluteUnixPath.get(APP + "/" + source.getValue()));
        }
        return layer.build();
    }
}
