#!/usr/bin/env bash
# The image's base, built without Docker (the Maven profile `image` runs this after packaging; then
# org.factdesk.image.ImageAssembly trains the class-data archive in target/image/root and puts the server on the
# base with Jib):
#  1. a minimal Debian root file system with the JRE (mmdebstrap, from Debian's packages; kept in
#     target/image/rootfs.tar and made again only when this recipe changes), with the user factdesk (185). The
#     image runs JDK 25 (Debian trixie's openjdk-25-jre-headless) for its ahead-of-time cache (JEP 483/514/515:
#     classes loaded and linked, and method profiles, from a training run); the build and the tests use Java 17,
#     which the server's bytecode targets;
#  2. the same root file system unpacked in target/image/root with the packaged server in /app, every file dated
#     1970-01-01T00:00:01Z as Jib dates them in the image (the AOT cache checks the jars' sizes and dates),
#     for the training run;
#  3. the root file system as a one-layer image tarball (docker save format) that Jib reads as its base.
# Needs root (mmdebstrap, and the training run's chroot and mounts) and mmdebstrap (apt-get install mmdebstrap).
set -euo pipefail
cd "$(dirname "$0")/../../.."
OUT=target/image
ROOT=$OUT/root
JDK=25
JAVA_HOME_IN_IMAGE=/usr/lib/jvm/java-$JDK-openjdk-amd64
SUITE=trixie
MIRROR=http://deb.debian.org/debian
[[ $(id -u) == 0 ]] || { echo "building the image needs root (mmdebstrap, chroot)" >&2; exit 2; }
command -v mmdebstrap >/dev/null || { echo "mmdebstrap is missing (apt-get install mmdebstrap)" >&2; exit 2; }
[[ -f target/quarkus-app/quarkus-run.jar ]] || { echo "package the server first (./mvnw package)" >&2; exit 2; }
mkdir -p "$OUT"

recipe=(--variant=essential --include=openjdk-$JDK-jre-headless,ca-certificates
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*'
    --dpkgopt='path-exclude=/usr/share/locale/*'
    # update-alternatives links the JRE's man page into man1, which must exist although no page is kept
    --essential-hook='mkdir -p "$1/usr/share/man/man1"'
    --customize-hook='echo "factdesk:x:185:185:Factdesk:/app:/usr/sbin/nologin" >> "$1/etc/passwd"; echo "factdesk:x:185:" >> "$1/etc/group"'
    "$SUITE" "$OUT/rootfs.tar" "$MIRROR" "deb $MIRROR $SUITE-updates main" "deb http://deb.debian.org/debian-security $SUITE-security main")
stamp=$(printf '%s\n' "${recipe[@]}" | sha256sum | cut -c1-16)
if [[ ! -f $OUT/rootfs.tar || "$(cat "$OUT/rootfs.stamp" 2>/dev/null)" != "$stamp" ]]; then
    echo "[image] root file system: Debian $SUITE with openjdk-$JDK-jre-headless (mmdebstrap)"
    mmdebstrap --quiet "${recipe[@]}"
    echo "$stamp" > "$OUT/rootfs.stamp"
fi

# a training run that was killed may have left its mounts (ImageServer mounts /proc and /dev)
umount "$ROOT/proc" 2>/dev/null || true; umount "$ROOT/dev" 2>/dev/null || true
rm -rf --one-file-system "$ROOT" && mkdir -p "$ROOT"   # never into a /dev or /proc mount left behind
tar -xf "$OUT/rootfs.tar" -C "$ROOT"
cp -a target/quarkus-app "$ROOT/app"
find "$ROOT/app" -exec touch -h -d @1 {} +

# The base image: the root file system as its one layer, in the format `docker save` writes.
diff_id=$(sha256sum "$OUT/rootfs.tar" | cut -d' ' -f1)
mkdir -p "$OUT/base" && ln -f "$OUT/rootfs.tar" "$OUT/base/layer.tar"
printf '{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=%s"]},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]},"history":[{"created_by":"mmdebstrap %s: openjdk-%s-jre-headless, ca-certificates, user factdesk (185)"}]}' \
    "$JAVA_HOME_IN_IMAGE" "$diff_id" "$SUITE" "$JDK" > "$OUT/base/config.json"
printf '[{"Config":"config.json","RepoTags":["factdesk-base:%s-jre%s"],"Layers":["layer.tar"]}]' "$SUITE" "$JDK" > "$OUT/base/manifest.json"
tar -cf "$OUT/base.tar" -C "$OUT/base" manifest.json config.json layer.tar
echo "[image] base: $OUT/base.tar"
