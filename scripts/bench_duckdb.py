#!/usr/bin/env python3
"""The screening rules as ONE DuckDB query over a copy of a Shouwang SQLite database, for docs/benchmarks.md.

    pip install duckdb && python3 scripts/bench_duckdb.py PATH/TO/shouwang.sqlite [--date 2026-11-22] [--area CODE]

Copies the needed columns SQLite -> CSV -> DuckDB (in memory, 2 threads; timed as "load"), then runs the rules of
Sources/Domain/Discovery/ScreeningEngine*.swift with the rule versions stored in screening_rules and the line in
monitoring_lines (timed apart, best of 3). Prints hits per rule kind, to compare with the per-kind counts of
`shouwang screen --dry-run` (screening_runs.summary_json), and a JSON line last. The date defaults to today in
China time, as the app's. No DuckDB extension is needed.
"""
import argparse, csv, datetime, json, os, sqlite3, tempfile, time

import duckdb

# Rule kind -> the department event kind it reads (ScreeningEngine.hits(of:)).
EVENT_KIND = {"hospitalSelfPay": "medicalSelfPay", "newSeriousIllness": "seriousIllness",
              "newMinimumLiving": "minimumLiving", "newExtremePoverty": "extremePoverty", "jobLoss": "unemployment",
              "newSevereDisability": "disability", "multipleInHigherEducation": "enrolment",
              "unsafeHousing": "housingRating", "disasterDamage": "disasterDamage", "unsafeWater": "waterUnsafe"}
KINDS = set(EVENT_KIND) | {"incomeBelowLine", "sharpIncomeDrop", "rigidSpendingAboveIncome"}
# ScreeningParameter.allowedRange: a value outside it silences the rule, as a missing one does.
RANGES = {"lineMarginPercent": (0, 100), "dropPercent": (1, 100), "thresholdFen": (0, (2**31 - 1) * 100),
          "maximumGrade": (1, 4), "minimumStudents": (1, 20), "windowMonths": (1, 60)}
# Columns copied from SQLite (seq = rowid, the scan order by which the app breaks ties between assessments).
TABLES = {
    "households": "id TEXT, village_code TEXT",
    "members": "household_id TEXT, id_number TEXT, school_status TEXT, departed_on TEXT",
    "income_records": "household_id TEXT, period_start TEXT, period_end TEXT, net_income BIGINT, per_capita_net BIGINT,"
                      " medical_self_pay BIGINT, schooling_cost BIGINT, disaster_loss BIGINT, other_rigid BIGINT",
    "guarantee_assessments": "seq BIGINT, household_id TEXT, kind TEXT, assessed_on TEXT, secured BIGINT, housing_grade TEXT",
    "department_events": "household_id TEXT, kind TEXT, id_number TEXT, event_date TEXT, amount BIGINT, grade TEXT, level TEXT",
}


def scope_prefix(code):
    """AreaCode.scopePrefix: the digits every code inside the area starts with, and the level depth (0 = province)."""
    if code is None:
        return "", -1
    seg = [int(code[a:b]) for a, b in ((0, 2), (2, 4), (4, 6), (6, 9), (9, 12))]
    depth = next((i for i, s in enumerate(seg) if s == 0), 5)
    if depth == 2 and seg[3] != 0:  # a city without counties holds townships directly
        depth = 4 if seg[4] == 0 else 5
    if len(code) == 15:
        return code, 5  # a group or grid: never contains a 12-digit village code
    return code[:[2, 4, 6, 9, 12][depth - 1]], depth - 1


def load(con, path, date):
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with tempfile.TemporaryDirectory() as tmp:
        for table, columns in TABLES.items():
            names = ", ".join(c.split()[0] for c in columns.split(","))
            file = os.path.join(tmp, table + ".csv")
            with open(file, "w", newline="") as out:
                writer = csv.writer(out)
                for row in src.execute(f"SELECT {names} FROM (SELECT rowid AS seq, * FROM {table})"):
                    writer.writerow(["\\N" if v is None else v for v in row])
            types = "{" + ", ".join("'%s': '%s'" % tuple(c.split()) for c in columns.split(",")) + "}"
            con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{file}', header=false, columns={types},"
                        " nullstr='\\N', quote='\"', escape='\"')")
    # Rule versions in force on the date, parameters range-checked; which one governs a village is left to the query.
    rules = []
    for kind, version, params, start, end, scope, enabled in src.execute(
            "SELECT kind, version, parameters_json, effective_from, effective_to, scope_code, enabled FROM screening_rules"):
        raw = json.loads(params)
        # The app drops a version it cannot decode (unknown kind, a parameter that is not an Int64) altogether.
        if kind not in KINDS or not all(type(v) is int and -2**63 <= v < 2**63 for v in raw.values()):
            continue
        if (start and start > date) or (end and end < date):
            continue
        p = {k: v for k, v in raw.items() if k in RANGES and RANGES[k][0] <= v <= RANGES[k][1]}
        prefix, depth = scope_prefix(scope)
        rules.append((kind, version, prefix, depth, bool(enabled), EVENT_KIND.get(kind), p.get("lineMarginPercent"),
                      p.get("dropPercent"), p.get("thresholdFen"), p.get("maximumGrade"), p.get("minimumStudents"),
                      p.get("windowMonths")))
    con.execute("CREATE TABLE rules (kind TEXT, version INT, prefix TEXT, depth INT, enabled BOOL, event_kind TEXT,"
                " margin BIGINT, drop_pct BIGINT, threshold BIGINT, max_grade BIGINT, min_students BIGINT, months INT)")
    if rules:
        con.executemany("INSERT INTO rules VALUES (" + ", ".join(["?"] * 12) + ")", rules)
    lines = [scope_prefix(scope) + (start, amount) for scope, start, end, amount in src.execute(
        "SELECT scope_code, effective_from, effective_to, amount FROM monitoring_lines")
        if start <= date and (end is None or date <= end)]
    con.execute("CREATE TABLE lines (prefix TEXT, depth INT, effective_from TEXT, amount BIGINT)")
    if lines:
        con.executemany("INSERT INTO lines VALUES (?, ?, ?, ?)", lines)
    src.close()


QUERY = """
WITH hh AS (SELECT id, village_code FROM households WHERE starts_with(village_code, $area)),
villages AS (SELECT DISTINCT village_code FROM hh),
-- ScreeningRuleSet.inForce: per village and kind the most specific scope wins; a disabled winner turns the rule off.
-- Kept per village (a few thousand rows), joined to households only where a rule has something to look at.
vrule AS (
  SELECT * FROM (
    SELECT v.village_code, r.*, CAST($date::DATE - to_months(r.months) AS DATE) AS opens
    FROM villages v JOIN rules r ON starts_with(v.village_code, r.prefix)
    QUALIFY row_number() OVER (PARTITION BY v.village_code, r.kind ORDER BY r.depth DESC) = 1)
  WHERE enabled),
-- MonitoringLine.resolve: each enclosing scope's latest row in force, then the highest (most specific on a tie).
line AS (
  SELECT village_code, amount FROM (
    SELECT v.village_code, l.depth, l.amount FROM villages v JOIN lines l ON starts_with(v.village_code, l.prefix)
    QUALIFY row_number() OVER (PARTITION BY v.village_code, l.depth ORDER BY l.effective_from DESC) = 1)
  QUALIFY row_number() OVER (PARTITION BY village_code ORDER BY amount DESC, depth DESC) = 1),
-- Incomes of the last complete year Y and of Y-1 (ScreeningFacts: period_start is exactly 1 January); of two
-- statements with one start the app keeps the last read, i.e. the latest period_end.
inc AS (
  SELECT hh.id, hh.village_code,
    arg_max(per_capita_net, period_end) FILTER (WHERE period_start = $y || '-01-01') AS pc,
    arg_max(per_capita_net, period_end) FILTER (WHERE period_start = $y0 || '-01-01') AS pc0,
    arg_max(net_income, period_end) FILTER (WHERE period_start = $y0 || '-01-01') AS net0,
    arg_max(medical_self_pay + schooling_cost + disaster_loss + other_rigid, period_end)
      FILTER (WHERE period_start = $y || '-01-01') AS rigid
  FROM income_records i JOIN hh ON hh.id = i.household_id
  WHERE period_start IN ($y || '-01-01', $y0 || '-01-01') GROUP BY hh.id, hh.village_code),
-- Department records of each rule's kind in the rule's window: opens < event_date <= date.
ev AS (
  SELECT hh.id, r.kind, r.threshold, r.max_grade, e.id_number, e.amount, e.grade, e.level
  FROM department_events e JOIN hh ON hh.id = e.household_id
  JOIN vrule r ON r.village_code = hh.village_code AND r.event_kind = e.kind
  WHERE regexp_full_match(e.event_date, '\\d{4}-\\d\\d-\\d\\d')  -- CivilDate's format; others are skipped
    AND TRY_CAST(e.event_date AS DATE) > r.opens AND TRY_CAST(e.event_date AS DATE) <= $date::DATE),
-- Registry students in higher education (not departed), and the latest housing and water assessments.
stu AS (SELECT household_id AS id, id_number FROM members
        WHERE school_status IN ('higherVocational', 'bachelor', 'masterOrAbove') AND departed_on IS NULL),
latest AS (
  SELECT household_id AS id, kind, secured, housing_grade FROM guarantee_assessments
  WHERE kind IN ('housingSafety', 'drinkingWater')
  QUALIFY row_number() OVER (PARTITION BY household_id, kind ORDER BY assessed_on DESC, seq) = 1),
-- Households with a registry fact or a record that can fire a rule with a window (silent without one).
flagged AS (
  SELECT id, 'multipleInHigherEducation' AS kind, count(*) AS n FROM stu GROUP BY id
  UNION ALL  -- reported students not among the registry ones, by identity number
  SELECT id, kind, count(DISTINCT id_number) FROM ev
  WHERE kind = 'multipleInHigherEducation' AND level IN ('higherVocational', 'bachelor', 'masterOrAbove')
    AND NOT EXISTS (SELECT 1 FROM stu WHERE stu.id = ev.id AND stu.id_number = ev.id_number) GROUP BY ALL
  UNION ALL  -- a C/D rating in the window, else the registry grade
  SELECT id, 'unsafeHousing', 1 FROM latest WHERE kind = 'housingSafety' AND housing_grade IN ('C', 'D')
  UNION ALL
  SELECT id, kind, 1 FROM ev WHERE kind = 'unsafeHousing' AND grade IN ('C', 'D')
  UNION ALL  -- any water record in the window, else an assessment saying not secured
  SELECT id, 'unsafeWater', 1 FROM latest WHERE kind = 'drinkingWater' AND secured = 0
  UNION ALL
  SELECT id, kind, 1 FROM ev WHERE kind = 'unsafeWater'),
hits AS (
  SELECT r.kind, inc.id FROM inc JOIN line USING (village_code) JOIN vrule r USING (village_code)
  WHERE r.kind = 'incomeBelowLine' AND inc.pc::HUGEINT * 100 < line.amount::HUGEINT * (100 + r.margin)
  UNION ALL
  SELECT r.kind, inc.id FROM inc JOIN vrule r USING (village_code)
  WHERE r.kind = 'sharpIncomeDrop' AND inc.pc0 > 0 AND (inc.pc0 - inc.pc)::HUGEINT * 100 > inc.pc0::HUGEINT * r.drop_pct
  UNION ALL
  SELECT r.kind, inc.id FROM inc JOIN vrule r USING (village_code)
  WHERE r.kind = 'rigidSpendingAboveIncome' AND inc.rigid > inc.net0
  UNION ALL  -- person-level: one hit per identity number
  SELECT kind, id FROM ev WHERE kind = 'hospitalSelfPay'
  GROUP BY kind, id, id_number HAVING sum(coalesce(amount, 0)) > any_value(threshold)
  UNION ALL
  SELECT kind, id FROM ev
  WHERE kind IN ('newSeriousIllness', 'newMinimumLiving', 'newExtremePoverty', 'jobLoss')
     OR (kind = 'newSevereDisability' AND regexp_full_match(grade, '[+-]?[0-9]+')  -- Int64(grade) parses
         AND TRY_CAST(grade AS BIGINT) BETWEEN 1 AND max_grade)
  GROUP BY kind, id, id_number
  UNION ALL  -- household-level
  SELECT kind, id FROM ev WHERE kind = 'disasterDamage'
  GROUP BY kind, id HAVING sum(coalesce(amount, 0)) > any_value(threshold)
  UNION ALL
  SELECT f.kind, f.id FROM flagged f JOIN hh USING (id) JOIN vrule r ON r.village_code = hh.village_code AND r.kind = f.kind
  WHERE r.months IS NOT NULL GROUP BY f.kind, f.id
  HAVING f.kind <> 'multipleInHigherEducation' OR sum(f.n) >= any_value(r.min_students))
-- every kind in force somewhere, with 0 when it found nothing
SELECT kind, count(hits.id) AS hits FROM (SELECT DISTINCT kind FROM vrule) LEFT JOIN hits USING (kind) GROUP BY kind ORDER BY kind
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    china_today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date().isoformat()
    parser.add_argument("--date", default=china_today, help="screening day, YYYY-MM-DD (default: today, China time)")
    parser.add_argument("--area", help="area code to screen (default: every household)")
    args = parser.parse_args()
    year = int(args.date[:4]) - 1

    con = duckdb.connect(":memory:")
    con.execute("SET threads = 2")
    started = time.perf_counter()
    load(con, args.database, args.date)
    load_s = time.perf_counter() - started
    params = {"date": args.date, "y": str(year), "y0": str(year - 1), "area": scope_prefix(args.area)[0]}
    households = con.execute("SELECT count(*) FROM households WHERE starts_with(village_code, ?)",
                             [params["area"]]).fetchone()[0]
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        rows = con.execute(QUERY, params).fetchall()
        timings.append(time.perf_counter() - started)
    hits = dict(rows)

    print(f"duckdb {duckdb.__version__}, 2 threads; {households} households screened; screening day {args.date}")
    print(f"load (SQLite -> CSV -> DuckDB): {load_s:.3f} s")
    print(f"query: best {min(timings):.3f} s of {', '.join(f'{t:.3f}' for t in timings)}")
    for kind, count in hits.items():
        print(f"  {kind:28} {count}")
    print(f"  {'total':28} {sum(hits.values())}")
    print(json.dumps({"date": args.date, "households": households, "threads": 2, "load_s": round(load_s, 4),
                      "query_s": round(min(timings), 4), "hits": hits, "total": sum(hits.values())}, ensure_ascii=False))


if __name__ == "__main__":
    main()
