#!/usr/bin/env python3
"""Driver of gc-bench.sh: seeds the store, times pushes idle and during one GC, prints the figures."""
import argparse, base64, hashlib, http.client, json, os, subprocess, threading, time, urllib.parse

BLOBS, ARTIFACTS = int(os.environ["BLOBS"]), int(os.environ["ARTIFACTS"])
WORKERS, PUSHES_IDLE = int(os.environ["WORKERS"]), int(os.environ["PUSHES_IDLE"])
PASSWORD = os.environ["ADMIN_PASSWORD"]
OLD = "2020-01-01 00:00:00"


def digest(i):
    return hashlib.sha256(b"gc-bench blob %d" % i).hexdigest()


def seed(store, mysql):
    """100k blob rows and files, 10k artifacts of BLOBS/ARTIFACTS blobs each; then half the artifacts deleted."""
    t = time.time()
    for i in range(BLOBS):
        h = digest(i)
        d = os.path.join(store, "blobs", "sha256", h[:2], h)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "data"), "wb") as f:
            f.write(b"gc-bench blob %d" % i)
    per = BLOBS // ARTIFACTS
    sql = ["SET autocommit=0;",
           f"INSERT INTO repository (id, project_id, name, creation_time, update_time) VALUES (100000, 1, 'library/gcbench', '{OLD}', '{OLD}');"]
    def rows(table, cols, values):
        for k in range(0, len(values), 2000):
            sql.append(f"INSERT INTO {table} ({cols}) VALUES " + ",".join(values[k:k + 2000]) + ";")
    rows("registry_blob", "id, digest, size, media_type, status, creation_time, update_time",
         [f"({1000000 + i}, 'sha256:{digest(i)}', {len(b'gc-bench blob %d' % i)}, NULL, 'NONE', '{OLD}', '{OLD}')" for i in range(BLOBS)])
    rows("project_blob", "project_id, blob_id, creation_time", [f"(1, {1000000 + i}, '{OLD}')" for i in range(BLOBS)])
    rows("artifact", "id, repository_id, project_id, digest, media_type, manifest_media_type, manifest_size, size, push_time",
         [f"({1000000 + a}, 100000, 1, 'sha256:{hashlib.sha256(b'art%d' % a).hexdigest()}', 'application/vnd.oci.image.config.v1+json',"
          f" 'application/vnd.oci.image.manifest.v1+json', 100, 1000, '{OLD}')" for a in range(ARTIFACTS)])
    rows("artifact_blob", "artifact_id, blob_id", [f"({1000000 + a}, {1000000 + a * per + b})" for a in range(ARTIFACTS) for b in range(per)])
    rows("tag", "repository_id, artifact_id, name, push_time", [f"(100000, {1000000 + a}, 't{a}', '{OLD}')" for a in range(ARTIFACTS)])
    # Half of the artifacts deleted, as Deletions does it: tags, blob links, rows.
    half = f"artifact_id >= {1000000 + ARTIFACTS // 2}"
    sql += [f"DELETE FROM tag WHERE {half};", f"DELETE FROM artifact_blob WHERE {half};",
            f"DELETE FROM artifact WHERE id >= {1000000 + ARTIFACTS // 2};", "COMMIT;"]
    subprocess.run(mysql, shell=True, input="\n".join(sql).encode(), check=True)
    print(f"seeded {BLOBS} blobs and {ARTIFACTS} artifacts ({ARTIFACTS // 2} deleted) in {time.time() - t:.1f} s")


class Client:
    def __init__(self, url):
        u = urllib.parse.urlparse(url)
        self.host, self.port = u.hostname, u.port
        self.basic = "Basic " + base64.b64encode(f"admin:{PASSWORD}".encode()).decode()
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
        self.bearer = None

    def req(self, method, path, body=None, headers=None, auth=None):
        h = dict(headers or {})
        h["Authorization"] = auth or self.bearer or self.basic
        self.conn.request(method, path, body=body, headers=h)
        r = self.conn.getresponse()
        data = r.read()
        return r.status, r.headers, data

    def login(self, repo):
        s, _, body = self.req("GET", f"/service/token?service=harbor-registry&scope=repository:{repo}:pull,push", auth=self.basic)
        assert s == 200, body
        self.bearer = "Bearer " + json.loads(body)["token"]

    def push_image(self, repo, n):
        """One push as a client does it: HEAD + POST for config and layer, PUT manifest. Returns seconds."""
        layer = os.urandom(4096)
        config = json.dumps({"architecture": "amd64", "os": "linux", "n": n}).encode()
        t = time.perf_counter()
        for blob in (layer, config):
            d = "sha256:" + hashlib.sha256(blob).hexdigest()
            s, _, _ = self.req("HEAD", f"/v2/{repo}/blobs/{d}")
            if s == 404:
                s, _, b = self.req("POST", f"/v2/{repo}/blobs/uploads/?digest={d}", blob, {"Content-Type": "application/octet-stream"})
                assert s == 201, (s, b)
        manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                               "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "sha256:" + hashlib.sha256(config).hexdigest(), "size": len(config)},
                               "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": "sha256:" + hashlib.sha256(layer).hexdigest(), "size": len(layer)}]}).encode()
        s, _, b = self.req("PUT", f"/v2/{repo}/manifests/p{n}", manifest, {"Content-Type": "application/vnd.oci.image.manifest.v1+json"})
        assert s == 201, (s, b)
        return time.perf_counter() - t


def p99(samples):
    s = sorted(samples)
    return s[min(len(s) - 1, int(len(s) * 0.99))] * 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url"); ap.add_argument("--store"); ap.add_argument("--mysql")
    a = ap.parse_args()
    seed(a.store, a.mysql)
    pusher = Client(a.url)
    pusher.login("library/pushbench")
    for i in range(50):                       # warm-up
        pusher.push_image("library/pushbench", 100000 + i)
    idle = [pusher.push_image("library/pushbench", i) for i in range(PUSHES_IDLE)]

    api = Client(a.url)
    s, h, b = api.req("POST", "/api/v2.0/system/gc/schedule", json.dumps(
        {"schedule": {"type": "Manual"}, "parameters": {"workers": WORKERS}}), {"Content-Type": "application/json"})
    assert s == 201, (s, b)
    gc_id = h["Location"].rsplit("/", 1)[1]
    during, state = [], {"run": None}

    def poll():
        c = Client(a.url)
        while True:
            s, _, b = c.req("GET", f"/api/v2.0/system/gc/{gc_id}")
            run = json.loads(b)
            if run["job_status"] in ("Success", "Error", "Stopped"):
                state["run"] = run
                return
            time.sleep(0.2)
    t = threading.Thread(target=poll); t.start()
    n = PUSHES_IDLE
    while state["run"] is None:
        during.append(pusher.push_image("library/pushbench", n)); n += 1
    t.join()
    run = state["run"]
    p = json.loads(run["job_parameters"])
    blobs, mark, sweep = p["purged_blobs"], p["mark_seconds"], p["sweep_seconds"]
    print(f"GC {gc_id}: {run['job_status']}; {blobs} blobs freed ({p['freed_space']} bytes); workers {WORKERS}")
    print(f"| mark (s) | sweep (s) | blobs/s (sweep) | push p99 idle (ms) | push p99 during GC (ms) | ratio | pushes during GC |")
    print(f"| {mark:.1f} | {sweep:.1f} | {blobs / max(sweep, 0.001):.0f} | {p99(idle):.1f} | {p99(during):.1f} | {p99(during) / p99(idle):.2f}x | {len(during)} |")
    assert blobs >= BLOBS // 2, "every blob of the deleted artifacts is garbage"


if __name__ == "__main__":
    main()
