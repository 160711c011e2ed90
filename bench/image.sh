# Shared by bench/lib.sh and bench/run.sh: the command that starts the server under test. With BENCH_IMAGE_ROOT
# (target/image/root, left by `sudo ./mvnw -Pimage verify`) the server starts in the image's root file system as the
# image starts it — chroot as its user, its entrypoint, JDK and ahead-of-time cache, the JVM options as the operator's
# JAVA_OPTS_APPEND; needs root. Without it the host's java runs the packaged jar. Source it after setting REPO_DIR.

IMAGE_ROOT=${BENCH_IMAGE_ROOT:-}
IMAGE_DIR="$REPO_DIR/target/image"   # the image's tarball and its ahead-of-time cache

# SERVER_COMMAND: the command that starts the server with the given JVM options: the jar on the host's java, or the
# image's entrypoint once its root is made ready to run in (/proc and /dev mounted, the ahead-of-time cache where the
# entrypoint names it: the image has it in a layer of its own); the entrypoint and user are read from the tarball's
# configuration.
server_command() { # JVM options, jar
    if [[ -z "$IMAGE_ROOT" ]]; then
        # shellcheck disable=SC2206  # the options are words
        SERVER_COMMAND=(java $1 -jar "$2")
        return
    fi
    [[ $(id -u) == 0 && -f "$IMAGE_DIR/factdesk-image.tar" && -d "$IMAGE_ROOT/app" ]] \
        || { echo "BENCH_IMAGE_ROOT needs root and the image (sudo ./mvnw -Pimage verify)" >&2; exit 2; }
    IMAGE_ROOT=$(cd "$IMAGE_ROOT" && pwd)
    mountpoint -q "$IMAGE_ROOT/proc" || mount -t proc proc "$IMAGE_ROOT/proc"
    mountpoint -q "$IMAGE_ROOT/dev" || mount --bind /dev "$IMAGE_ROOT/dev"
    cp -pu "$IMAGE_DIR/app.aot" "$IMAGE_ROOT/app/app.aot"   # once per image build, not per start (150 MB)
    # as the pod: the operator's JVM options in JAVA_OPTS_APPEND, the tokenizer's natives unpacked under /tmp
    mapfile -t SERVER_COMMAND < <(python3 - "$IMAGE_DIR/factdesk-image.tar" "$IMAGE_ROOT" "$1" <<'PY'
import json, sys, tarfile
with tarfile.open(sys.argv[1]) as image:
    manifest = json.load(image.extractfile("manifest.json"))[0]
    config = json.load(image.extractfile(manifest["Config"]))["config"]
print("\n".join(["env", "JAVA_OPTS_APPEND=" + sys.argv[3], "DJL_CACHE_DIR=/tmp/djl",
                 "chroot", "--userspec=" + config["User"], sys.argv[2], *config["Entrypoint"]]))
PY
    )
    (( ${#SERVER_COMMAND[@]} > 7 )) || { echo "no entrypoint read from the image's configuration" >&2; exit 2; }
}

# The image's root as it was: /proc and /dev unmounted (on exit).
image_release() {
    [[ -z "$IMAGE_ROOT" ]] || { umount "$IMAGE_ROOT/proc" 2>/dev/null; umount "$IMAGE_ROOT/dev" 2>/dev/null; } || true
}
