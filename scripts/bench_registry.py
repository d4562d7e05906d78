#!/usr/bin/env python3
"""Registry import and export timings on the demo county, for docs/benchmarks.md.

    swift build -c release --product shouwang && python3 scripts/bench_registry.py [--households 20000]

Starts two release servers on loopback with fresh SQLite files: a full demo county, and the same county with a single
household. Exports the full registry (CSV and xlsx), then imports the CSV into the nearly empty county (check, then
commit: every household new) and again into the full county (check: every household unchanged). Needs `requests`.
"""
import argparse, os, re, shutil, subprocess, sys, tempfile, time

import requests

BINARY = ".build/release/shouwang"


def start(data_dir, port, households):
    env = dict(os.environ, SHOUWANG_DATA_DIR=data_dir, LOG_LEVEL="warning")
    process = subprocess.Popen([BINARY, "demo", "--port", str(port), "--households", str(households)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if requests.get(base + "/healthz", timeout=1).status_code == 200:
                return process, base
        except requests.RequestException:
            pass
        time.sleep(0.2)
    process.kill()
    sys.exit(f"server on port {port} did not start")


def session(base):
    s = requests.Session()
    s.headers["Origin"] = base
    s.post(base + "/login", data={"username": "county", "password": "shouwang-demo"}, allow_redirects=False)
    token = re.search(r'name="_csrf" value="([^"]+)"', s.get(base + "/registry/imports").text).group(1)
    return s, token


def timed(action):
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=20000)
    args = parser.parse_args()
    if not os.path.exists(BINARY):
        sys.exit("build first: swift build -c release --product shouwang")
    work = tempfile.mkdtemp(prefix="shouwang-bench-")
    servers = []
    try:
        full, full_base = start(os.path.join(work, "full"), 18301, args.households)
        servers.append(full)
        empty, empty_base = start(os.path.join(work, "empty"), 18302, 1)
        servers.append(empty)
        s, token = session(full_base)
        csv, t_csv = timed(lambda: s.get(full_base + "/households/export?format=csv").content)
        xlsx, t_xlsx = timed(lambda: s.get(full_base + "/households/export?format=xlsx").content)
        rows = csv.count(b"\n") - 1
        print(f"machine: {os.cpu_count()} cores; {time.strftime('%Y-%m-%d')}; {args.households} households, {rows} member rows")
        print(f"export CSV   {t_csv:6.2f} s  ({len(csv) / 1e6:.1f} MB)")
        print(f"export xlsx  {t_xlsx:6.2f} s  ({len(xlsx) / 1e6:.1f} MB)")
        for label, base in (("new", empty_base), ("unchanged", full_base)):
            s2, token2 = session(base)
            response, t_check = timed(lambda: s2.post(base + "/registry/imports", files={"file": ("registry.csv", csv)},
                                                      data={"_csrf": token2}, allow_redirects=False))
            location = response.headers["location"]
            _, t_commit = timed(lambda: s2.post(base + location + "/commit", data={"_csrf": token2}, allow_redirects=False))
            page = re.sub(r"<[^>]+>", " ", s2.get(base + location).text)
            status = "committed" if "已导入" in page else "NOT committed"
            print(f"import CSV, {label:9} households: check {t_check:6.2f} s, commit {t_commit:6.2f} s ({status})")
    finally:
        for server in servers:
            server.terminate()
            server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
