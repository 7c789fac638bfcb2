#!/usr/bin/env python3
"""Seeder of console-artifacts.sh: one repository with ARTIFACTS image manifests, pushed through the registry API.

Every manifest shares one tiny config and one tiny layer and differs by an annotation, so the store grows by a few
hundred bytes per artifact; each is tagged (t00000, t00001, ...). THREADS clients push at once over keep-alive
connections with a Bearer token from /service/token, as docker would.
"""
import argparse, base64, hashlib, http.client, json, os, sys, threading, time, urllib.parse

OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", required=True)
    p.add_argument("--repository", required=True)
    p.add_argument("--artifacts", type=int, default=10000)
    p.add_argument("--threads", type=int, default=4)
    a = p.parse_args()
    u = urllib.parse.urlparse(a.url)
    user, password = os.environ.get("BERTH_BENCH_USER", "admin"), os.environ["ADMIN_PASSWORD"]

    c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    basic = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
    c.request("GET", f"/service/token?service=harbor-registry&scope=repository:{a.repository}:pull,push",
              headers={"Authorization": basic})
    r = c.getresponse()
    token = json.loads(r.read())["token"]
    auth = {"Authorization": "Bearer " + token}

    def blob(conn, data):
        digest = "sha256:" + hashlib.sha256(data).hexdigest()
        conn.request("POST", f"/v2/{a.repository}/blobs/uploads/?digest={digest}", body=data,
                     headers={**auth, "Content-Type": "application/octet-stream"})
        resp = conn.getresponse()
        resp.read()
        if resp.status != 201:
            sys.exit(f"blob push answered {resp.status}")
        return digest

    layer = b"console-artifacts bench layer\n"
    layer_digest = blob(c, layer)
    config = json.dumps({"architecture": "amd64", "os": "linux", "config": {},
                         "rootfs": {"type": "layers", "diff_ids": [layer_digest]},
                         "history": [{"created_by": "console-artifacts bench"}]}).encode()
    config_digest = blob(c, config)

    def manifest(i):
        return json.dumps({"schemaVersion": 2, "mediaType": OCI_MANIFEST,
                           "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                                      "digest": config_digest, "size": len(config)},
                           "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
                                       "digest": layer_digest, "size": len(layer)}],
                           "annotations": {"io.berth.bench.seq": str(i)}}).encode()

    failures = []
    started = time.time()

    def push(offset):
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
        for i in range(offset, a.artifacts, a.threads):
            conn.request("PUT", f"/v2/{a.repository}/manifests/t{i:05d}", body=manifest(i),
                         headers={**auth, "Content-Type": OCI_MANIFEST})
            resp = conn.getresponse()
            resp.read()
            if resp.status != 201:
                failures.append(f"t{i:05d}: {resp.status}")
                return
            if offset == 0 and i % 1000 < a.threads:
                print(f"  {i} manifests pushed, {time.time() - started:.0f} s", flush=True)

    workers = [threading.Thread(target=push, args=(t,)) for t in range(a.threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    if failures:
        sys.exit("pushes failed: " + ", ".join(failures[:5]))
    print(f"pushed {a.artifacts} tagged manifests to {a.repository} in {time.time() - started:.1f} s")


if __name__ == "__main__":
    main()
