"""`cen serve` over real HTTP on localhost (scripts/test-serve.sh runs this).

Every route of /openapi.json answered (the document validated by openapi-spec-validator), the
conformance vectors posted to /v1/validate give the core's bytes, batches give the bytes of
`cen validate --format ndjson`, a batch is answered before its upload ends, and bad requests
get their JSON errors while the service goes on serving. Finally the access log is searched
for the surnames of the nCEN records that were posted: none may be there.

    python3 check_serve.py CEN_BINARY
"""

import glob
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile

CEN = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
os.chdir(ROOT)
WORK = tempfile.mkdtemp(prefix="cen-serve-")
TODAY = "2026-11-28"
checks = 0


def check(condition, message):
    global checks
    checks += 1
    if not condition:
        raise AssertionError(message)


class Server:
    """`cen serve` on a free port, its log in a file."""

    def __init__(self, *args):
        self.log_path = os.path.join(WORK, f"serve-{len(glob.glob(WORK + '/serve-*'))}.log")
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen([CEN, "serve", "--addr", "127.0.0.1:0", *args], stderr=self.log)
        deadline = time.time() + 30
        while time.time() < deadline:
            found = re.search(r"listening on http://([\d.]+):(\d+)/", open(self.log_path).read())
            if found:
                self.host, self.port = found.group(1), int(found.group(2))
                return
            check(self.process.poll() is None, f"cen serve stopped: {open(self.log_path).read()}")
            time.sleep(0.05)
        raise AssertionError("cen serve did not start")

    def url(self, path):
        return f"http://{self.host}:{self.port}{path}"

    def request(self, method, path, body=None, content_type=None, headers=None):
        request = urllib.request.Request(self.url(path), data=body, method=method, headers=dict(headers or {}))
        if content_type:
            request.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def raw(self, data, wait=10.0):
        """Sends bytes on a new connection; returns everything read until it closes or `wait`."""
        with socket.create_connection((self.host, self.port), timeout=wait) as s:
            s.sendall(data)
            out = b""
            try:
                while chunk := s.recv(65536):
                    out += chunk
            except (socket.timeout, ConnectionResetError):
                pass
            return out

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()
        return open(self.log_path).read()


def error_of(status, body, expected, word=None):
    check(status == expected, f"status {status}, expected {expected}: {body[:300]!r}")
    value = json.loads(body)
    check(set(value) >= {"error", "message"}, f"not an error body: {value}")
    if word:
        check(value["error"] == word, f"error {value['error']}, expected {word}")


def cli(*args, stdin=None):
    return subprocess.run([CEN, *args], input=stdin, capture_output=True).stdout


# ---------------------------------------------------------------------------------------------
# The profiles of the conformance vectors are served, each under a name of its own.
vector_cases = []
for path in sorted(glob.glob("tests/vectors/*.json")):
    vector_cases += json.load(open(path))["cases"]
profiles = {}
for case in vector_cases:
    profile = case["options"].get("profile")
    if isinstance(profile, dict):
        key = json.dumps(profile, sort_keys=True)
        if key not in profiles:
            name = profile.get("name") or f"vector-{len(profiles)}"
            if any(p["name"] == name for p in profiles.values()):
                name = f"{name}-{len(profiles)}"
            profiles[key] = dict(profile, name=name)
profile_args = []
for i, profile in enumerate(profiles.values()):
    path = os.path.join(WORK, f"profile-{i}.json")
    json.dump(profile, open(path, "w"))
    profile_args += ["--profile", path]
taken = {p["name"] for p in profiles.values()}
for path in sorted(glob.glob("examples/profiles/*.json")):
    if json.load(open(path))["name"] not in taken:
        profile_args += ["--profile", path]

server = Server(*profile_args, "--max-body", "3000000", "--timeout", "2")
record = open("examples/records/long-sea-container.json", "rb").read()
ncen = open("examples/records/ncen-with-persons.json", "rb").read()
seizures = open("examples/seizures.ndjson", "rb").read()

# ---------------------------------------------------------------------------------------------
print("== /openapi.json: valid OpenAPI 3.1, and every route in it answered")
status, _, body = server.request("GET", "/openapi.json")
check(status == 200, "no /openapi.json")
document = json.loads(body)
from openapi_spec_validator import validate  # noqa: E402

validate(document)
check(document["openapi"].startswith("3.1"), "not OpenAPI 3.1")
samples = {
    "/v1/codes/{table}/{code}": "/v1/codes/country/BE?lang=fr",
    "/v1/search/{table}": "/v1/search/location?q=antwerp&limit=3",
    "/v1/profiles/{name}": "/v1/profiles/OP-NIGHTWATCH",
    "/v1/labels": "/v1/labels?lang=ar",
    "/v1/form-model": "/v1/form-model?form=simplified&profile=OP-NIGHTWATCH",
    "/v1/validate": f"/v1/validate?today={TODAY}",
    "/v1/validate/batch": f"/v1/validate/batch?today={TODAY}",
}
bodies = {
    "/v1/validate": (record, "application/json"),
    "/v1/to-cen": (ncen, "application/json"),
    "/v1/validate/batch": (seizures, "application/x-ndjson"),
}
answered = 0
for path, methods in document["paths"].items():
    for method in methods:
        body, content_type = bodies.get(path, (None, None))
        status, headers, out = server.request(method.upper(), samples.get(path, path), body, content_type)
        check(status == 200, f"{method.upper()} {path}: {status} {out[:200]!r}")
        declared = methods[method]["responses"]["200"]["content"]
        check(headers["Content-Type"].split(";")[0] in declared, f"{path}: content type {headers['Content-Type']}")
        answered += 1
check(answered >= 16, f"only {answered} routes in the document")
print(f"   {answered} routes answered")

# What the look-ups give is what the command line gives.
check(json.loads(server.request("GET", "/v1/rules")[2]) == json.loads(cli("rules", "--format", "json")), "rules differ")
check(json.loads(server.request("GET", "/v1/schema")[2]) == json.loads(cli("schema")), "schema differs")
check(json.loads(server.request("GET", "/v1/codes/country/BE")[2]) == json.loads(cli("codes", "country", "BE", "--format", "json")), "codes differ")
status, _, out = server.request("GET", "/v1/codes/country/UK")
error_of(status, out, 404, "not_found")
check(json.loads(out)["suggest"] == "GB", "no suggestion for UK")
check(server.request("GET", "/v1/search/location?q=antwerp&lang=en")[2].strip() == cli("search", "location", "antwerp", "--format", "json").strip(), "search differs")
check(server.request("GET", "/v1/form-model?lang=fr")[2].strip() == cli("form-model", "--lang", "fr").strip(), "form model differs")
check(server.request("POST", "/v1/to-cen", ncen, "application/json")[2].strip() == cli("export-cen", "examples/records/ncen-with-persons.json").strip(), "to-cen differs")
check(b"Surname" not in server.request("POST", "/v1/to-cen", ncen, "application/json")[2], "to-cen keeps nominal data")
profiles_list = json.loads(server.request("GET", "/profiles.json")[2])["profiles"]
check(any(p["id"] == "OP-NIGHTWATCH" for p in profiles_list), "the form is not offered the profiles")
for p in profiles_list:
    check(server.request("GET", "/" + p["file"])[0] == 200, f"the form cannot fetch {p['file']}")
status, headers, page = server.request("GET", "/")
check(status == 200 and b"<html" in page.lower() and headers["Content-Type"].startswith("text/html"), "no form at /")
check(server.request("GET", "/src/app.js")[0] == 200, "the form's script is not served")
if os.path.exists("bindings-wasm/dist/cen_wasm_bg.wasm"):
    status, headers, wasm = server.request("GET", "/cen-wasm/dist/cen_wasm_bg.wasm")
    check(status == 200 and wasm[:4] == b"\0asm" and headers["Content-Type"] == "application/wasm", "the WebAssembly is not built in")

# ---------------------------------------------------------------------------------------------
print("== the conformance vectors posted to /v1/validate give the core's bytes")
names = {json.dumps(p_in, sort_keys=True): p["name"] for p_in, p in ((json.loads(k), v) for k, v in profiles.items())}


def query_of(options):
    pairs = []
    for key, value in options.items():
        if key == "profile":
            value = names[json.dumps(value, sort_keys=True)] if isinstance(value, dict) else value
        pairs.append((key, value))
    return urllib.parse.urlencode(pairs)


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


singles = batches = 0
for case in vector_cases:
    query = query_of(case["options"])
    if "batch" in case:
        lines = [item if isinstance(item, str) else compact(item).decode() for item in case["batch"]]
        if any("\n" in line or not line.strip() for line in lines):
            continue  # not expressible as NDJSON
        status, _, out = server.request("POST", f"/v1/validate/batch?{query}", "\n".join(lines).encode() + b"\n", "application/x-ndjson")
        check(status == 200, f"{case['name']}: {status} {out[:300]!r}")
        got = [re.search(rb',"report":(.*?)(,"columns":.*)?}$', line).group(1) for line in out.splitlines()]
        check(got == [compact(r) for r in case["reports"]], f"{case['name']}: the batch's reports differ")
        batches += 1
        continue
    if "input" in case:
        body = compact(case["input"])
    elif "input_text" in case:
        body = case["input_text"].encode()
    else:
        body = bytes.fromhex(case["input_hex"])
    status, _, out = server.request("POST", f"/v1/validate?{query}", body, "application/json")
    check(status == 200, f"{case['name']}: status {status}: {out[:300]!r}")
    check(out == compact(case["report"]), f"{case['name']}: {out!r}\n   expected {compact(case['report'])!r}")
    singles += 1
print(f"   {singles} records and {batches} batches: the same bytes")

# ---------------------------------------------------------------------------------------------
print("== batches: the bytes of cen validate --format ndjson (NDJSON, CSV, XLSX)")
for path, content_type in [
    ("examples/seizures.ndjson", "application/x-ndjson"),
    ("examples/seizures.csv", "text/csv"),
    ("examples/seizures.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
]:
    status, headers, out = server.request("POST", f"/v1/validate/batch?today={TODAY}&name={path}", open(path, "rb").read(), content_type)
    check(status == 200 and headers["Content-Type"] == "application/x-ndjson", f"{path}: {status}")
    expected = cli("validate", "--today", TODAY, "--format", "ndjson", path)
    check(out == expected, f"{path}: the lines differ from cen validate's")
    print(f"   {path}: {len(out.splitlines())} lines, the same bytes")
# The body's default name is the command line's name of standard input.
out = server.request("POST", f"/v1/validate/batch?today={TODAY}", seizures, "application/x-ndjson")[2]
check(out == cli("validate", "--today", TODAY, "--format", "ndjson", "-", stdin=seizures), "a batch differs from cen validate -")

# ---------------------------------------------------------------------------------------------
print("== a batch is answered before its upload ends")
lines = seizures.splitlines(keepends=True)
with socket.create_connection((server.host, server.port), timeout=20) as s:
    s.sendall(f"POST /v1/validate/batch?today={TODAY} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n".encode())
    first = b"".join(lines[:40])
    s.sendall(b"%x\r\n%s\r\n" % (len(first), first))
    got = b""
    while b'"record":0' not in got:
        chunk = s.recv(65536)
        check(chunk, "the connection closed before the first report")
        got += chunk
    rest = b"".join(lines[40:])
    s.sendall(b"%x\r\n%s\r\n0\r\n\r\n" % (len(rest), rest))
    while not got.endswith(b"\r\n0\r\n\r\n"):
        chunk = s.recv(65536)
        if not chunk:
            break
        got += chunk
check(got.count(b'"report":') == len(lines), "the streamed batch lost records")
print("   the first report came back while 260 of 300 records were still to be sent")

# ---------------------------------------------------------------------------------------------
print("== bad requests: JSON errors, and the service goes on serving")
error_of(*server.request("POST", "/v1/validate?today=28/11/2026", record, "application/json")[::2], 400, "bad_option")
error_of(*server.request("POST", "/v1/validate?colour=red", record, "application/json")[::2], 400, "bad_option")
error_of(*server.request("POST", "/v1/validate?profile=NOBODY", record, "application/json")[::2], 400, "bad_option")
error_of(*server.request("GET", "/v1/labels?lang=xx")[::2], 400, "bad_option")
error_of(*server.request("POST", "/v1/validate", record, "text/plain")[::2], 415, "unsupported_media_type")
error_of(*server.request("POST", "/v1/validate/batch", seizures, "application/json")[::2], 415)
error_of(*server.request("DELETE", "/v1/validate")[::2], 405, "method_not_allowed")
error_of(*server.request("GET", "/v1/nothing")[::2], 404, "not_found")
error_of(*server.request("GET", "/v1/codes/planet/MARS")[::2], 404, "not_found")
# A record that is not JSON is no HTTP error: it gets its report.
status, _, out = server.request("POST", "/v1/validate", b"{not json", "application/json")
check(status == 200 and json.loads(out)["issues"][0]["rule"] == "CEN-SCH-001", "a broken record is not reported")
# Paths that try to leave the form's files (sent raw: clients would clean them).
for path in ["/../Cargo.toml", "/%2e%2e/%2e%2e/Cargo.toml", "/src/../../cen-cli/Cargo.toml", "/..%2fCargo.toml", "/package.json", "/serve.mjs"]:
    reply = server.raw(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
    check(reply.startswith(b"HTTP/1.1 404"), f"{path}: {reply[:80]!r}")
# 413: a declared length over the limit is refused before the body is sent.
reply = server.raw(b"POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n", wait=5)
check(reply.startswith(b"HTTP/1.1 413") and b"body_too_large" in reply, f"no 413: {reply[:120]!r}")
# ... and a chunked batch is cut off as soon as it runs over.
big = seizures * 25
check(len(big) > 3_000_000, "the batch meant to be over --max-body is not")
status, _, out = server.request("POST", f"/v1/validate/batch?today={TODAY}", iter([big[i:i + 65536] for i in range(0, len(big), 65536)]), "application/x-ndjson")
check(status == 413 or (status == 200 and b'"error":"body_too_large"' in out.splitlines()[-1]), f"a batch over the limit: {status} {out[-200:]!r}")
check(len(out.splitlines()) < 3_000_000 // 500, f"reports of records past --max-body: {len(out.splitlines())} lines")
# Slow clients: headers never finished, a body that stops.
started = time.time()
reply = server.raw(b"POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Ty", wait=15)
check(time.time() - started < 10, "a client that never finishes its headers is kept")
reply = server.raw(b"POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"reporting", wait=15)
check(reply.startswith(b"HTTP/1.1 408") and b'"timeout"' in reply, f"a stalled body: {reply[:120]!r}")
# A zip bomb in a batch: a JSON error, and nothing else is hurt.
bomb = io.BytesIO()
with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("xl/workbook.xml", "<workbook/>")
    z.writestr("xl/worksheets/sheet1.xml", b"<" + b"\0" * 200_000_000)
status, _, out = server.request("POST", "/v1/validate/batch", bomb.getvalue(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
error_of(status, out, 422, "unreadable_file")
print(f"   zip bomb ({len(bomb.getvalue())} bytes): {json.loads(out)['message'][:100]}")
error_of(*server.request("POST", "/v1/validate/batch", b"", "text/csv")[::2], 422)
check(server.request("GET", "/healthz")[0] == 200, "the service stopped serving")

# A table pack that is not one stops the start (exit 2, spec 7.2), before any request.
bad_pack = os.path.join(WORK, "bad.pack")
open(bad_pack, "wb").write(b"not a pack" * 100)
run = subprocess.run([CEN, "serve", "--addr", "127.0.0.1:0", "--tables", bad_pack], capture_output=True, timeout=30)
check(run.returncode == 2 and b"--tables" in run.stderr and b"listening" not in run.stderr, f"a bad pack: {run.returncode} {run.stderr[-300:]!r}")

# A pack built by `cen tables build` from the UNECE fixtures: validation, /v1/editions and the
# location look-up answer from it (ESQ9Z is only in the pack).
pack = os.path.join(WORK, "fixtures.pack")
parts = sorted(glob.glob("cen-cli/tests/fixtures/unece/*.csv"))
run = subprocess.run([CEN, "tables", "build", "-o", pack, *[a for p in parts for a in ("--unlocode", p)]], capture_output=True)
check(run.returncode == 0, f"cen tables build: {run.stderr[-300:]!r}")
packed = Server("--tables", pack)
info = json.loads(cli("tables", "info", "--format", "json", pack))
editions = json.loads(packed.request("GET", "/v1/editions")[2])
check([(e["table"], e["edition"], e["rows"]) for e in editions] == [(t["table"], t["edition"], t["rows"]) for t in info["tables"]], "/v1/editions is not the pack's")
check(packed.request("GET", "/v1/codes/location/ESQ9Z")[0] == 200, "the pack's new location is not found")
check(server.request("GET", "/v1/codes/location/ESQ9Z")[0] == 404, "the built-in tables know the fixture's made-up location")
# The search answers from the pack's places too: the added port is offered, the withdrawn one not.
found = lambda srv, q: [r["code"] for r in json.loads(srv.request("GET", f"/v1/search/seaport?q={q}")[2])]
check(found(packed, "puerto+nuevo+de+prueba") == ["ESQ9Z"], "/v1/search does not offer the pack's new port")
check(found(server, "puerto+nuevo+de+prueba") == [], "/v1/search of the built-in tables offers the fixture's port")
check("ESALG" in found(server, "algeciras") and "ESALG" not in found(packed, "algeciras"), "/v1/search offers the pack's withdrawn port")
# A 404's closest codes are the pack's.
status, _, out = packed.request("GET", "/v1/codes/location/ESQ9Y")
check(status == 404 and "ESQ9Z" in json.loads(out)["closest"], f"the closest codes are not the pack's: {out[:300]!r}")
# The served form is told of the pack (profiles.json) and gets its bytes (/tables.pack).
served = json.loads(packed.request("GET", "/profiles.json")[2]).get("tables")
check(served == {"file": "tables.pack", "name": "fixtures.pack", "sha256": info["sha256"]}, f"profiles.json does not name the pack: {served}")
status, headers, body = packed.request("GET", "/tables.pack")
check(status == 200 and body == open(pack, "rb").read() and headers["Content-Type"] == "application/octet-stream", f"/tables.pack: {status}")
check("tables" not in json.loads(server.request("GET", "/profiles.json")[2]), "profiles.json names a pack without --tables")
status, _, out = server.request("GET", "/tables.pack")
error_of(status, out, 404, "not_found")
probe = json.loads(record)
probe["location"]["code"] = probe["conveyance"][0]["to"] = "ESQ9Z"
probe = json.dumps(probe).encode()
with_pack = packed.request("POST", f"/v1/validate?today={TODAY}", probe, "application/json")[2]
without = server.request("POST", f"/v1/validate?today={TODAY}", probe, "application/json")[2]
check(json.loads(without)["issues"] and b"CEN-COD-002" not in with_pack and b"CEN-COD-002" in without, f"the pack does not change the verdict on ESQ9Z: {with_pack[:300]!r}")
packed.stop()

# More requests than --max-concurrency: 503 at once; /healthz still answered.
busy = Server("--max-concurrency", "1", "--timeout", "5")
with socket.create_connection((busy.host, busy.port), timeout=10) as held:
    held.sendall(b"POST /v1/validate/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n")
    time.sleep(0.3)
    status, headers, out = busy.request("POST", "/v1/validate", record, "application/json")
    error_of(status, out, 503, "busy")
    check(headers["Retry-After"] == "1", "no Retry-After")
    check(busy.request("GET", "/healthz")[0] == 200, "/healthz is refused when busy")
# The held request's client went away: its slot comes back as soon as the service sees it.
deadline = time.time() + 3
while (status := busy.request("POST", "/v1/validate", record, "application/json")[0]) == 503 and time.time() < deadline:
    time.sleep(0.05)
check(status == 200, f"the slot is not given back: {status}")
busy.stop()

# ---------------------------------------------------------------------------------------------
print("== clients as users write them: the curl of docs/serve.md, Python (httpx), Java")
record_path = "examples/records/long-sea-container.json"
expected_report = json.loads(server.request("POST", f"/v1/validate?today={TODAY}", record, "application/json")[2])
expected_lines = cli("validate", "--today", TODAY, "--format", "ndjson", "examples/seizures.csv")
# The curl commands of docs/serve.md, pointed at this server.
doc = open("docs/serve.md").read()
blocks = re.findall(r"<!-- doc-test: skip: [^>]*check_serve\.py runs it -->\n```sh\n(.*?)```", doc, re.S)
check(blocks, "docs/serve.md has no curl block marked for check_serve.py")
for block in blocks:
    script = block.replace("http://127.0.0.1:8080", server.url(""))
    run = subprocess.run(["bash", "-e", "-c", script], capture_output=True)
    check(run.returncode == 0, f"the docs' curl failed: {run.stderr.decode()[-300:]}")
    out = run.stdout.splitlines()
    check(json.loads(out[0]) == expected_report, f"the docs' curl: the first answer is not the record's report: {out[0][:200]!r}")
    check(out[1:] == expected_lines.splitlines()[:2], f"the docs' curl: the batch's first lines differ: {out[1:]!r}")
print(f"   docs/serve.md: {len(blocks)} block(s) of curl")
python_client = ["examples/python/validate_client.py", server.url("")]
run = subprocess.run([sys.executable, *python_client, "examples/seizures.csv", f"today={TODAY}"], capture_output=True)
check(run.returncode == 1 and run.stdout == expected_lines, f"the Python client's batch: {run.returncode} {run.stderr.decode()[-300:]}")
run = subprocess.run([sys.executable, *python_client, record_path, f"today={TODAY}"], capture_output=True)
check(json.loads(run.stdout) == expected_report, f"the Python client's record: {run.stdout[:200]!r} {run.stderr.decode()[-300:]}")
check(run.returncode == (0 if expected_report["valid"] else 1), "the Python client's exit status")
# A refused request with a body small enough to be read with its headers: a service that
# refuses a large upload before reading it closes the connection under the client's feet
# (TCP reset), which a client sees as a failed send, not as the JSON error.
run = subprocess.run([sys.executable, *python_client, record_path, "today=yesterday"], capture_output=True)
check(run.returncode == 2 and b"bad_option" in run.stderr, f"the Python client on a bad option: {run.returncode} {run.stderr!r}")
print("   examples/python/validate_client.py: the same reports")
java = shutil.which("java")
if java is None:
    print("   SKIPPED examples/java/ValidateClient.java: no `java` on this machine (JDK 11 or later runs it)")
else:
    java_client = [java, "examples/java/ValidateClient.java", server.url("")]
    run = subprocess.run([*java_client, "examples/seizures.csv", f"today={TODAY}"], capture_output=True)
    check(run.returncode == 1 and run.stdout == expected_lines, f"the Java client's batch: {run.returncode} {run.stderr.decode()[-300:]}")
    run = subprocess.run([*java_client, record_path, f"today={TODAY}"], capture_output=True)
    check(json.loads(run.stdout) == expected_report, f"the Java client's record: {run.stdout[:200]!r} {run.stderr.decode()[-300:]}")
    run = subprocess.run([*java_client, record_path, "form=tiny"], capture_output=True)
    check(run.returncode == 2 and b"bad_option" in run.stderr, f"the Java client on a bad option: {run.returncode} {run.stderr!r}")
    print("   examples/java/ValidateClient.java: the same reports")

# ---------------------------------------------------------------------------------------------
print("== metrics, and a log without record content")
server.request("POST", f"/v1/validate?source=ncen&today={TODAY}", ncen, "application/json")
server.request("POST", f"/v1/validate/batch?today={TODAY}", seizures, "application/x-ndjson")
metrics = server.request("GET", "/metrics")[2].decode()
check(re.search(r'cen_http_requests_total\{route="/v1/validate",status="200"\} \d+', metrics), "no request counts")
check(int(re.search(r"cen_records_validated_total (\d+)", metrics).group(1)) > 1000, "records not counted")
check(re.search(r'cen_issues_total\{rule="CEN-SCH-001"\} [1-9]', metrics), "issues not counted by rule")
check("cen_http_request_duration_seconds_bucket" in metrics, "no latency histogram")
log = server.stop()
surnames = set(re.findall(rb'"surname":"([^"]+)"', seizures + ncen.replace(b": ", b":")))
check(len(surnames) > 10, f"too few nominal records posted ({len(surnames)})")
leaked = [s for s in surnames if s.decode() in log]
check(not leaked, f"the log holds names: {leaked[:5]}")
check(TODAY not in log and "MSKU" not in log, "the log holds query values or record content")
print(f"   {len(log.splitlines())} log lines, none of the {len(surnames)} surnames posted")
print(f"cen serve: {checks} checks passed")
