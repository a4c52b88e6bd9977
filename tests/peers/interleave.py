"""The peer kit's three engines timed query by query in turn, so that every engine meets the same minutes.

The kit (shared/peers: run_all.sh, then sk_http_bench.py) times each engine in its own minutes; on a shared
2-core machine whose speed moves by a third within minutes, those runs measured the machine as much as the
engines. Here each round asks every query of the kit once of each engine, the engines' order turning from one
query to the next, and each engine is timed as the kit times it:
  - SQLite FTS5: the kit's Fts5Searcher.run in this process (count, top 10 with snippets, the facet class's counts);
  - Java Lucene 8: the kit's LuceneBench.Searcher.run, timed inside the JVM (LuceneServe.java);
  - SearchKamer: GET /api/search over one keep-alive loopback connection, as sk_http_bench.py does (facets and
    snippets on every search).

usage: interleave.py KIT_DIR QUERIES FTS5_DB LUCENE_INDEX SK_URL OUT.json [--runs 20] [--warmup 3]
  KIT_DIR: the peer kit (fts5_bench.py; its build dir /tmp/peers/build holds LuceneBench's classes);
  LuceneServe.class must have been compiled into SERVE_DIR (default /tmp/peers/serve), see README.md here.
"""
import argparse, http.client, json, os, statistics, subprocess, sys, time, urllib.parse

# The API's names of the kit's filter fields (as sk_http_bench.py).
API = {"minister": "minister", "ministry": "ministerie", "party": "partij", "asker": "indiener", "year": "jaar"}


def pct(xs, p):
    xs = sorted(xs); k = (len(xs) - 1) * p / 100; i = int(k)
    return xs[i] if i + 1 >= len(xs) else xs[i] + (xs[i + 1] - xs[i]) * (k - i)


class Fts5:
    name = "fts5"

    def __init__(self, db):
        import fts5_bench
        self.searcher = fts5_bench.Fts5Searcher(db, 10)

    def prepare(self, queries):
        self.plans = [self.searcher.plan(q) for q in queries]

    def time(self, i):
        t = time.perf_counter()
        hits = self.searcher.run(self.plans[i])[0]
        return (time.perf_counter() - t) * 1000, hits


class Java:
    name = "lucene"

    def __init__(self, index, queries_path):
        cp = open("/tmp/peers/build/classpath.txt").read().strip()
        serve = os.environ.get("SERVE_DIR", "/tmp/peers/serve")
        opts = os.environ.get("JAVA_OPTS", "-Xmx2g").split()
        self.proc = subprocess.Popen(["java", *opts, "-cp", f"{cp}:/tmp/peers/build:{serve}", "LuceneServe", index, queries_path],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)

    def prepare(self, queries):
        pass

    def time(self, i):
        self.proc.stdin.write(f"{i}\n"); self.proc.stdin.flush()
        ms, hits = self.proc.stdout.readline().split()
        return float(ms), int(hits)


class SearchKamer:
    name = "searchkamer"

    def __init__(self, url):
        u = urllib.parse.urlparse(url)
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)

    def prepare(self, queries):
        self.paths = []
        for q in queries:
            params = [("q", q["query"]), ("size", "10")] + [(API[f], v) for f, v in q["filters"]]
            self.paths.append("/api/search?" + urllib.parse.urlencode(params))

    def time(self, i):
        t = time.perf_counter()
        self.conn.request("GET", self.paths[i]); r = self.conn.getresponse(); body = r.read()
        ms = (time.perf_counter() - t) * 1000
        if r.status != 200:
            raise SystemExit(f"{self.paths[i]}: HTTP {r.status} {body[:200]!r}")
        return ms, json.loads(body)["total"]


def main():
    ap = argparse.ArgumentParser()
    for a in ("kit", "queries", "fts5_db", "lucene_index", "sk_url", "out"):
        ap.add_argument(a)
    ap.add_argument("--runs", type=int, default=20); ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--engines", default="fts5,lucene,searchkamer", help="which of the three to time (a measuring aid)")
    ap.add_argument("--cold", action="store_true", help="rounds over all queries instead of each query's runs in a row")
    a = ap.parse_args()
    # The kit's own query reader and FTS5 searcher, so that FTS5 is asked and timed exactly as the kit does.
    sys.path.insert(0, a.kit)
    import fts5_bench
    make = {"fts5": lambda: Fts5(a.fts5_db), "lucene": lambda: Java(a.lucene_index, a.queries),
            "searchkamer": lambda: SearchKamer(a.sk_url)}
    engines = [make[n]() for n in a.engines.split(",")]
    queries = fts5_bench.parse_queries(a.queries)
    for e in engines:
        e.prepare(queries)
    for _ in range(a.warmup):
        for i in range(len(queries)):
            for e in engines:
                e.time(i)

    times = {e.name: [[] for _ in queries] for e in engines}
    hits = {e.name: [None] * len(queries) for e in engines}
    started = time.strftime("%Y-%m-%d %H:%M:%S"); load = open("/proc/loadavg").read().split()[:3]
    if a.cold:
        # Every query once of each engine per round: each search meets the caches as the other engines left them.
        for r in range(a.runs):
            for i in range(len(queries)):
                for k in range(len(engines)):
                    e = engines[(r + i + k) % len(engines)]
                    ms, n = e.time(i)
                    times[e.name][i].append(ms); hits[e.name][i] = n
    else:
        # The kit's order (a query's runs in a row, caches warm), the engines taking turns per query.
        for i in range(len(queries)):
            for k in range(len(engines)):
                e = engines[(i + k) % len(engines)]
                for _ in range(a.runs):
                    ms, n = e.time(i)
                    times[e.name][i].append(ms); hits[e.name][i] = n
    pairs = not_pairs(queries, engines, a.runs * 2)
    summary = {"started": started, "not_pairs": pairs, "load_before": load, "load_after": open("/proc/loadavg").read().split()[:3],
               "runs": a.runs, "warmup": a.warmup, "order": "rounds over all queries" if a.cold else "each query's runs in a row",
               "queries": [{"class": q["class"], "query": q["query"], "filters": dict(q["filters"]),
                            **{e.name: {"p50_ms": pct(times[e.name][i], 50), "p99_ms": pct(times[e.name][i], 99),
                                        "hits": hits[e.name][i]} for e in engines}} for i, q in enumerate(queries)],
               "classes": {}}
    for cls in dict.fromkeys(q["class"] for q in queries):
        idx = [i for i, q in enumerate(queries) if q["class"] == cls]
        summary["classes"][cls] = {e.name: {"p50_ms": pct([t for i in idx for t in times[e.name][i]], 50),
                                            "p99_ms": pct([t for i in idx for t in times[e.name][i]], 99)} for e in engines}
    json.dump(summary, open(a.out, "w"), ensure_ascii=False, indent=1)
    report(summary)
    for e in engines:
        if isinstance(e, Java):
            e.proc.stdin.close()


def not_pairs(queries, engines, runs):
    """Each NOT query beside its positive part (a query of the set without filters): the two alternate run by run in
    each engine, so that the comparison is made in the same seconds (in the class table they ran a minute apart)."""
    found = []
    for i, q in enumerate(queries):
        if " NOT " not in q["query"]:
            continue
        positive = next((j for j, p in enumerate(queries) if p["query"] == q["query"].split(" NOT ")[0] and not p["filters"]), None)
        if positive is None:
            continue
        entry = {"not": q["query"], "positive": queries[positive]["query"]}
        for e in engines:
            t = {i: [], positive: []}
            for r in range(runs):
                for k in ((i, positive) if r % 2 == 0 else (positive, i)):
                    t[k].append(e.time(k)[0])
            entry[e.name] = {"not_p50_ms": pct(t[i], 50), "positive_p50_ms": pct(t[positive], 50)}
        found.append(entry)
    return found


def report(s):
    print(f"interleaved ({s['order']}), {s['runs']} runs after {s['warmup']} warm-up passes, started {s['started']}, "
          f"load {' '.join(s['load_before'])}")
    print("| class | FTS5 p50 | Java Lucene p50 | SearchKamer p50 | SearchKamer ÷ Java | SearchKamer p99 |")
    print("|---|---:|---:|---:|---:|---:|")
    nan = {"p50_ms": float("nan"), "p99_ms": float("nan")}
    for cls, c in s["classes"].items():
        f, j, k = (c.get(n, nan)["p50_ms"] for n in ("fts5", "lucene", "searchkamer"))
        ratio = f"**{k / j:.2f}**" if k <= j else f"{k / j:.2f}"
        print(f"| {cls} | {f:.2f} | {j:.2f} | {k:.2f} | {ratio} | {c.get('searchkamer', nan)['p99_ms']:.1f} |")
    for p in s["not_pairs"]:
        print(f"{p['not']} against {p['positive']}, alternating: " + ", ".join(
            f"{n} {p[n]['not_p50_ms']:.2f} against {p[n]['positive_p50_ms']:.2f} ms" for n in ("fts5", "lucene", "searchkamer") if n in p))


main()
