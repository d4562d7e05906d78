#!/usr/bin/env bash
# check_layout.sh — CI check that the source tree keeps Shouwang's layout rules.
#
# One capability = one shape: a controller decodes the request, calls a service, and renders a page; SQL lives in
# stores; links and routes share SiteURL. When every capability has that shape, a reader who knows one knows them
# all, and the places that touch the database, the URL space or another module are few and easy to find. The rules:
#
#   1. sql-in-stores     Raw SQL (`x.raw(`, `SQLQueryString`, `unsafeRaw`, `SQLRaw`, Fluent `.custom("…")`, string
#                        literals that begin with an SQL statement — `SELECT `, `INSERT INTO`, `UPDATE `, `DELETE FROM`,
#                        `WITH `, `CREATE `, `DROP `, `PRAGMA `, `ALTER `, `BEGIN`/`COMMIT`… — or with a clause handed
#                        to an SQL helper — `WHERE `, `JOIN `, `ORDER BY`… — or that contain unmistakable SQL such as
#                        `SELECT … FROM`, `CAST(`, `COALESCE(`, `CASE WHEN`; keywords in capitals only) appears only in
#                        `Sources/App/**/*Store.swift`, `Sources/App/**/*Store+*.swift`, `Sources/SQLSupport/**` and
#                        `Sources/App/Persistence/**` (migrations, engine-specific bulk helpers). Demo code uses stores.
#   2. controller-calls  No controller calls another controller. In Sources/App a controller file (`*Controller.swift`,
#                        `API+*.swift`) — and any other file — may name only the `*Controller` types it declares or
#                        extends itself; pages (`*/Pages/*.swift`), services (`*Service.swift`, `*Service+*.swift`),
#                        stores (`*Store*.swift`) and commands (`*Command*.swift`) may name no controller at all.
#                        Only `Sources/App/routes.swift` and `Sources/App/configure.swift` reference controllers freely.
#   3. routes-siteurl    Every registration in `Sources/App/routes.swift` (`.get/.post/.put/.patch/.delete/.on/
#                        .grouped/.group/.webSocket` on a routes builder, or any builder call that takes a `use:`
#                        handler, e.g. a project `.upload(…)` helper) names its path through SiteURL: no string
#                        literal among its path arguments, and no path-less `get { … }`. No exceptions (healthz,
#                        metrics, login and the api/v1 group too). Routes are registered only in routes.swift.
#   4. clean-imports     Sources/Domain imports only Foundation; Sources/SQLSupport only Foundation, SQLKit, NIOCore;
#                        Sources/DemoData only Foundation and Domain.
#   5. format            When `.swift-format` exists and swift-format is available, `swift-format lint --strict` over
#                        Sources and Tests reports nothing. Skipped (not failed) otherwise; SKIP_FORMAT=1 skips it.
#   6. controller-writes A controller or API handler file writes nothing itself (no `.save/.create/.update/.delete(on:`,
#                        no `.transaction`, no `AuditLog.record…`): the use case is the feature's service, which the
#                        web, the API, commands and tests call alike.
#
# Comments (`//`, `///`, `/* */`) are ignored by rules 1–4, and string contents are ignored by rules 2 and 4, so
# prose and Chinese UI text do not trip them. Each violation prints as `path:line: what is wrong`; the script exits
# non-zero when any rule fails. Runs from any directory; needs only bash and python3.

set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 2

COUNTS_FILE="$(mktemp)"
trap 'rm -f "$COUNTS_FILE"' EXIT

COUNTS_FILE="$COUNTS_FILE" python3 - <<'PY'
import os, re, bisect, fnmatch

ROOT = os.getcwd()

# ---------------------------------------------------------------------------------------------------------------------
# A small Swift lexer: masks comments and string contents (keeping newlines and offsets), keeps interpolated code, and
# records every string literal with its start offset and its text (interpolations replaced by a placeholder).
# ---------------------------------------------------------------------------------------------------------------------

class Lexed:
    def __init__(self, src):
        self.src = src
        self.comments = []     # (start, end) of comments
        self.literals = []     # (start, end, text): whole literal incl. delimiters; text has interpolations elided
        self.contents = []     # (start, end) of each literal's content between its delimiters
        self.interps = []      # (start, end) of interpolated code inside literals
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", src)]
        self._code(0, False)
        buf = list(src)
        # ranges nest (content > interpolation > content ...): a character is literal text when more content ranges
        # than interpolation ranges cover it
        delta = [0] * (len(src) + 1)
        for (a, b) in self.contents:
            delta[a] += 1; delta[b] -= 1
        for (a, b) in self.interps:
            delta[a] -= 1; delta[b] += 1
        level = 0
        for k in range(len(src)):
            level += delta[k]
            if level > 0 and buf[k] != "\n":
                buf[k] = " "
        for (a, b) in self.comments:
            for k in range(a, b):
                if buf[k] != "\n":
                    buf[k] = " "
        self.code = "".join(buf)

    def _code(self, i, interpolation):
        s, n, depth = self.src, len(self.src), 0
        while i < n:
            c = s[i]
            if c == "/" and s.startswith("//", i):
                j = s.find("\n", i)
                j = n if j < 0 else j
                self.comments.append((i, j))
                i = j
            elif c == "/" and s.startswith("/*", i):
                j, level = i + 2, 1
                while j < n and level:
                    if s.startswith("/*", j):
                        level += 1; j += 2
                    elif s.startswith("*/", j):
                        level -= 1; j += 2
                    else:
                        j += 1
                self.comments.append((i, j))
                i = j
            elif c == "#" or c == '"':
                j = i
                while j < n and s[j] == "#":
                    j += 1
                if j < n and s[j] == '"':
                    i = self._string(i, j - i)
                else:
                    i = max(j, i + 1)
            elif interpolation and c == "(":
                depth += 1; i += 1
            elif interpolation and c == ")":
                if depth == 0:
                    return i
                depth -= 1; i += 1
            else:
                i += 1
        return i

    def _string(self, start, hashes):
        s, n = self.src, len(self.src)
        q = start + hashes
        multi = s.startswith('"""', q)
        close = ('"""' if multi else '"') + "#" * hashes
        escape = "\\" + "#" * hashes
        body = i = q + (3 if multi else 1)
        text = []
        while i < n:
            if s.startswith(close, i):
                self.contents.append((body, i))
                self.literals.append((start, i + len(close), "".join(text)))
                return i + len(close)
            if s.startswith(escape, i):
                k = i + len(escape)
                if k < n and s[k] == "(":
                    end = self._code(k + 1, True)
                    self.interps.append((k + 1, end))
                    text.append(" \u2026 ")
                    i = end + 1
                else:
                    text.append(s[i:k + 1]); i = k + 1
                continue
            if not multi and s[i] == "\n":  # unterminated single-line literal: stop at the line end
                break
            text.append(s[i]); i += 1
        self.contents.append((body, i))
        self.literals.append((start, i, "".join(text)))
        return i


def lex(src):
    return Lexed(src)


def rel(path):
    return os.path.relpath(path, ROOT)


def swift_files(top):
    out = []
    if not os.path.isdir(top):
        return out
    for d, dirs, files in os.walk(top):
        dirs[:] = sorted(x for x in dirs if not x.startswith("."))
        for f in sorted(files):
            if f.endswith(".swift"):
                out.append(os.path.join(d, f))
    return out


LEXED = {}


def lexed(path):
    if path not in LEXED:
        with open(path, encoding="utf-8", errors="replace") as fh:
            LEXED[path] = lex(fh.read())
    return LEXED[path]


def line_of(lx, offset):
    return bisect.bisect_right(lx.line_starts, offset)


results = {}  # rule key -> list of "path:line: message"

# ---------------------------------------------------------------------------------------------------------------------
# Rule 1: raw SQL only in stores, SQLSupport and Persistence
# ---------------------------------------------------------------------------------------------------------------------

def sql_allowed(path):
    r = rel(path)
    base = os.path.basename(r)
    if r.startswith("Sources/SQLSupport/") or r.startswith("Sources/App/Persistence/"):
        return True
    if r.startswith("Sources/App/") and (fnmatch.fnmatch(base, "*Store.swift") or fnmatch.fnmatch(base, "*Store+*.swift")):
        return True
    return False


# `.raw(` counts only with a receiver (`sql.raw(`, `db.sql?.raw(`, `)\n.raw(`): the implicit-member `.raw(html)` is
# Plot's node for pre-escaped HTML, and `Node.raw(` is Plot too.
SQL_RAW_CALL = re.compile(r"(?:[A-Za-z0-9_\)\]?!])\s*\.\s*raw\s*\(")
SQL_RAW_PLOT = re.compile(r"\bNode\s*\.\s*raw\s*\($")
SQL_CODE = [
    (re.compile(r"\bSQLQueryString\b"), "`SQLQueryString`"),
    (re.compile(r"\bunsafeRaw\b"), "`unsafeRaw`"),
    (re.compile(r"\bSQLRaw\b"), "`SQLRaw`"),
]
SQL_CUSTOM = re.compile(r"\.\s*custom\s*\(\s*#*\"")  # Fluent .custom("LIKE") and friends: SQL text in a string
SQL_STATEMENT = re.compile(
    r"^(?:SELECT|INSERT\s+INTO|INSERT\s+OR\s+\w+\s+INTO|UPDATE|DELETE\s+FROM|WITH|CREATE|DROP|PRAGMA|ALTER|ANALYZE|"
    r"VACUUM|REINDEX|TRUNCATE|SAVEPOINT)\s"
)
SQL_WHOLE = re.compile(r"^(?:BEGIN|COMMIT|ROLLBACK|BEGIN TRANSACTION|END TRANSACTION);?$")
# fragments handed to SQL helpers, e.g. `plainRows(Member.self, "WHERE household_id = \(bind: id) ORDER BY …")`
SQL_CLAUSE = re.compile(
    r"^(?:WHERE|FROM|(?:(?:LEFT|RIGHT|INNER|CROSS|FULL)\s+(?:OUTER\s+)?)?JOIN|ORDER\s+BY|GROUP\s+BY|HAVING|LIMIT|"
    r"OFFSET|VALUES|ON\s+CONFLICT|RETURNING|UNION)\s"
)
SQL_INSIDE = re.compile(
    r"\bSELECT\s.*?\sFROM\s|\bINSERT\s+INTO\s|\bDELETE\s+FROM\s|\bUPDATE\s+\S+\s+SET\s|\bIS\s+(?:NOT\s+)?DISTINCT\s+FROM\b|"
    r"\b(?:COALESCE|CAST|NULLIF|IFNULL)\s*\(|\bCASE\s+WHEN\b",
    re.S,
)

violations = []
for path in swift_files("Sources"):
    if sql_allowed(path):
        continue
    lx = lexed(path)
    found = {}  # line -> [what]
    for m in SQL_RAW_CALL.finditer(lx.code):
        if not SQL_RAW_PLOT.search(lx.code[max(0, m.start() - 40):m.end()]):
            found.setdefault(line_of(lx, m.start()), []).append("`.raw(` query")
    for rx, what in SQL_CODE:
        for m in rx.finditer(lx.code):
            found.setdefault(line_of(lx, m.start()), []).append(what)
    for m in SQL_CUSTOM.finditer(lx.code):
        found.setdefault(line_of(lx, m.start()), []).append("Fluent `.custom(\"…\")` SQL text")
    for (a, b, text) in lx.literals:
        t = text.strip()
        m = SQL_STATEMENT.match(t) or SQL_WHOLE.match(t) or SQL_CLAUSE.match(t) or SQL_INSIDE.search(t)
        if m:
            kw = " ".join(m.group(0).split())
            kw = kw if len(kw) <= 24 else kw[:12] + "…" + kw[-10:]
            found.setdefault(line_of(lx, a), []).append(f"SQL literal `{kw}…`")
    for ln in sorted(found):
        whats = list(dict.fromkeys(found[ln]))
        violations.append(f"{rel(path)}:{ln}: raw SQL outside a store ({', '.join(whats)}); "
                          "move it into a *Store.swift / *Store+Aspect.swift (or SQLSupport/Persistence)")
results["1"] = violations

# ---------------------------------------------------------------------------------------------------------------------
# Rule 2: no controller calls another controller
# ---------------------------------------------------------------------------------------------------------------------

CONTROLLER_REF = re.compile(r"\b[A-Z][A-Za-z0-9_]*Controller\b")
DECL = re.compile(r"\b(?:struct|class|enum|actor|protocol|typealias|extension)\s+([A-Z][A-Za-z0-9_]*Controller)\b")
FREE = {"Sources/App/routes.swift", "Sources/App/configure.swift"}


def category(r):
    base = os.path.basename(r)
    if "/Pages/" in r:
        return "page"
    if fnmatch.fnmatch(base, "*Service.swift") or fnmatch.fnmatch(base, "*Service+*.swift"):
        return "service"
    if fnmatch.fnmatch(base, "*Store*.swift"):
        return "store"
    if fnmatch.fnmatch(base, "*Command*.swift"):
        return "command"
    if base.endswith("Controller.swift") or base.startswith("API+"):
        return "controller"
    return "other"


MESSAGES = {
    "page": "page references controller `{t}`; a page renders the model a service gives it",
    "service": "service references controller `{t}`; services sit below controllers",
    "store": "store references controller `{t}`; stores sit below controllers",
    "command": "command references controller `{t}`; call the service or store instead",
    "controller": "controller references another controller `{t}`; move the shared code into a service or store",
    "other": "references controller `{t}`; only routes.swift/configure.swift may name controllers they do not declare",
}

violations = []
for path in swift_files("Sources/App"):
    r = rel(path)
    if r in FREE:
        continue
    lx = lexed(path)
    cat = category(r)
    own = set() if cat in ("page", "service", "store", "command") else {m.group(1) for m in DECL.finditer(lx.code)}
    seen = set()
    for m in CONTROLLER_REF.finditer(lx.code):
        t = m.group(0)
        if t in own:
            continue
        ln = line_of(lx, m.start())
        if (ln, t) in seen:
            continue
        seen.add((ln, t))
        violations.append(f"{r}:{ln}: " + MESSAGES[cat].format(t=t))
results["2"] = violations

# ---------------------------------------------------------------------------------------------------------------------
# Rule 3: every route in routes.swift goes through SiteURL
# ---------------------------------------------------------------------------------------------------------------------

VERBS = ("get", "post", "put", "patch", "delete", "on", "grouped", "group", "webSocket")
NEEDS_PATH = {"get", "post", "put", "patch", "delete", "on", "webSocket"}
IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


def matching(code, i, open_c, close_c, step):
    depth = 0
    n = len(code)
    while 0 <= i < n:
        c = code[i]
        if c == open_c:
            depth += 1
        elif c == close_c:
            depth -= 1
            if depth == 0:
                return i
        i += step
    return -1


def split_args(code, a, b):
    """Top-level arguments of the call whose parentheses are at a and b: list of (start, end)."""
    args, depth, start = [], 0, a + 1
    for k in range(a + 1, b):
        c = code[k]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            args.append((start, k)); start = k + 1
    if code[start:b].strip():
        args.append((start, b))
    return args


violations = []
routes = "Sources/App/routes.swift"
if os.path.isfile(routes):
    lx = lexed(routes)
    code = lx.code
    builders = {"app", "routes"}
    for m in re.finditer(r"(" + IDENT + r")\s*:\s*(?:any\s+|some\s+)?(?:RoutesBuilder|Application)\b", code):
        builders.add(m.group(1))
    changed = True
    while changed:  # let x = <builder>.grouped(...) / <builder>.group(...) { x in
        changed = False
        for m in re.finditer(r"\b(?:let|var)\s+(" + IDENT + r")\s*=\s*(" + IDENT + r")\s*\.\s*grouped\b", code):
            if m.group(2) in builders and m.group(1) not in builders:
                builders.add(m.group(1)); changed = True
        for m in re.finditer(r"\b(" + IDENT + r")\s*\.\s*group\s*\(", code):
            if m.group(1) not in builders:
                continue
            close = matching(code, m.end() - 1, "(", ")", 1)
            inner = re.match(r"\s*\{\s*(" + IDENT + r")\s+in\b", code[close + 1:]) if close > 0 else None
            if inner and inner.group(1) not in builders:
                builders.add(inner.group(1)); changed = True

    def is_builder(dot):
        """Whether the expression ending just before the `.` at `dot` is a routes builder."""
        k = dot - 1
        while k >= 0 and code[k].isspace():
            k -= 1
        if k < 0:
            return False
        if code[k] == ")":
            o = matching(code, k, ")", "(", -1)
            if o < 0:
                return False
            m = re.search(r"(" + IDENT + r")\s*$", code[:o])
            if not m or m.group(1) not in ("grouped", "group"):
                return False
            d = code.rfind(".", 0, m.start())
            return d >= 0 and not code[d + 1:m.start()].strip() and is_builder(d)
        m = re.search(r"(" + IDENT + r")$", code[:k + 1])
        return bool(m) and m.group(1) in builders

    literal_starts = sorted(a for (a, _, _) in lx.literals)
    literal_text = {a: t for (a, _, t) in lx.literals}
    for m in re.finditer(r"\.\s*(" + IDENT + r")\s*([({])", code):
        verb, dot = m.group(1), m.start()
        if not is_builder(dot):
            continue
        if verb not in VERBS:
            # a project helper such as `.upload(.imports, maximumSize:, use:)` counts when it takes a handler
            if m.group(2) != "(":
                continue
            close = matching(code, m.end() - 1, "(", ")", 1)
            if close < 0 or not re.search(r"(?:^|[,(])\s*use\s*:", code[m.end() - 1:close + 1]):
                continue
        ln = line_of(lx, dot)
        if m.group(2) == "{":
            if verb in NEEDS_PATH or verb not in VERBS:
                violations.append(f"{routes}:{ln}: `.{verb} {{ … }}` registers a route without naming it; "
                                  "use a SiteURL route (e.g. `.home`)")
            continue
        a = m.end() - 1
        b = matching(code, a, "(", ")", 1)
        if b < 0:
            continue
        args = split_args(code, a, b)
        positional = []
        for (s, e) in args:
            if re.match(r"\s*" + IDENT + r"\s*:(?!:)", code[s:e]):
                break  # use:, body:, shouldUpgrade:, ... — labelled arguments end the path
            positional.append((s, e))
        path_args = positional[1:] if verb == "on" else positional
        lits = []
        for (s, e) in path_args:
            i = bisect.bisect_left(literal_starts, s)
            while i < len(literal_starts) and literal_starts[i] < e:
                lits.append('"' + literal_text[literal_starts[i]] + '"'); i += 1
        if lits:
            violations.append(f"{routes}:{ln}: `.{verb}(` has a string-literal path ({', '.join(lits)}); "
                              "name the route through SiteURL")
        elif not path_args and (verb in NEEDS_PATH or verb not in VERBS):
            violations.append(f"{routes}:{ln}: `.{verb}(` registers a route without naming it; use a SiteURL route")

# routes are registered only in routes.swift
for path in swift_files("Sources/App"):
    r = rel(path)
    if r == routes:
        continue
    lx = lexed(path)
    for m in re.finditer(r"\bRouteCollection\b|\bfunc\s+boot\s*\(\s*routes\b", lx.code):
        violations.append(f"{r}:{line_of(lx, m.start())}: registers routes outside routes.swift "
                          "(`RouteCollection`/`boot(routes:)`); register them in routes.swift through SiteURL")
results["3"] = violations

# ---------------------------------------------------------------------------------------------------------------------
# Rule 4: clean imports for Domain, SQLSupport and DemoData
# ---------------------------------------------------------------------------------------------------------------------

ALLOWED_IMPORTS = {
    "Sources/Domain": {"Foundation"},
    "Sources/SQLSupport": {"Foundation", "SQLKit", "NIOCore"},
    "Sources/DemoData": {"Foundation", "Domain"},
}
IMPORT = re.compile(
    r"^[ \t]*(?:@" + IDENT + r"(?:\([^)\n]*\))?\s+)*import\s+"
    r"(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?(" + IDENT + r")",
    re.M,
)
violations = []
for top, allowed in ALLOWED_IMPORTS.items():
    for path in swift_files(top):
        lx = lexed(path)
        for m in IMPORT.finditer(lx.code):
            if m.group(1) not in allowed:
                violations.append(f"{rel(path)}:{line_of(lx, m.start(1))}: imports `{m.group(1)}`; "
                                  f"{top}/ may import only {', '.join(sorted(allowed))}")
results["4"] = violations

# ---------------------------------------------------------------------------------------------------------------------
# Rule 6: controllers decode and render; the writes and their audit records are the services' (use cases with
# explicit inputs that the web, the API, commands and tests share)
# ---------------------------------------------------------------------------------------------------------------------

WRITE = re.compile(
    r"\.(?:save|create|update|delete|restore)\(\s*on\s*:|\.transaction\s*[({]|\.delete\(\s*\)|"
    r"\bAuditLog\s*\.\s*record\w*\s*\("
)
violations = []
for path in swift_files("Sources/App"):
    name = os.path.basename(path)
    if not (name.endswith("Controller.swift") or name.startswith("API+")):
        continue
    lx = lexed(path)
    for m in WRITE.finditer(lx.code):
        violations.append(f"{rel(path)}:{line_of(lx, m.start())}: `{m.group(0).strip()}` in a controller; "
                          f"writes and audit records belong in the feature's service")
results["6"] = violations

# ---------------------------------------------------------------------------------------------------------------------

TITLES = {
    "1": "rule 1 (sql-in-stores): raw SQL only in *Store.swift / *Store+*.swift, Sources/SQLSupport, Sources/App/Persistence",
    "2": "rule 2 (controller-calls): no controller references another controller",
    "3": "rule 3 (routes-siteurl): every route in routes.swift is named through SiteURL",
    "4": "rule 4 (clean-imports): Domain / SQLSupport / DemoData import only what they may",
    "6": "rule 6 (controller-writes): controllers and API handlers write nothing themselves; services do",
}
for key in ("1", "2", "3", "4", "6"):
    print(f"== {TITLES[key]}")
    for v in results[key]:
        print(v)
    n = len(results[key])
    print(f"-- rule {key}: {'PASS' if n == 0 else 'FAIL'} ({n} violation{'s' if n != 1 else ''})")
    print()
with open(os.environ["COUNTS_FILE"], "w") as fh:
    for key in ("1", "2", "3", "4", "6"):
        fh.write(f"{key} {len(results[key])}\n")
PY
py_status=$?
if [[ $py_status -ne 0 ]]; then
    echo "check_layout.sh: the checker itself failed (python exit $py_status)" >&2
    exit 2
fi

# ---------------------------------------------------------------------------------------------------------------------
# Rule 5: swift-format lint, when configured
# ---------------------------------------------------------------------------------------------------------------------
echo "== rule 5 (format): swift-format lint --strict over Sources and Tests (when .swift-format exists)"
format_count=0
format_state="SKIP"
SWIFT_FORMAT_BIN="${SWIFT_FORMAT:-$(command -v swift-format || true)}"
if [[ -z "$SWIFT_FORMAT_BIN" && -x /opt/swift/usr/bin/swift-format ]]; then
    SWIFT_FORMAT_BIN=/opt/swift/usr/bin/swift-format
fi
if [[ "${SKIP_FORMAT:-0}" == "1" ]]; then
    echo "skipped: SKIP_FORMAT=1"
elif [[ ! -f .swift-format ]]; then
    echo "skipped: no .swift-format configuration in the repository root"
elif [[ -z "$SWIFT_FORMAT_BIN" ]]; then
    echo "skipped: swift-format is not on PATH"
else
    lint_dirs=()
    for d in Sources Tests; do [[ -d $d ]] && lint_dirs+=("$d"); done
    lint_out="$("$SWIFT_FORMAT_BIN" lint --strict --recursive --configuration .swift-format "${lint_dirs[@]}" 2>&1)"
    lint_status=$?
    if [[ -n "$lint_out" ]]; then
        # swift-format already prints `path:line:col: warning: [Rule] message`
        printf '%s\n' "$lint_out"
    fi
    format_count="$(printf '%s\n' "$lint_out" | grep -cE '^[^:]+:[0-9]+(:[0-9]+)?: (warning|error)')"
    if [[ $lint_status -ne 0 && $format_count -eq 0 ]]; then
        format_count=1
        echo "swift-format lint exited with status $lint_status"
    fi
    if [[ $format_count -eq 0 ]]; then format_state="PASS"; else format_state="FAIL"; fi
fi
echo "-- rule 5: $format_state ($format_count violation$([[ $format_count -eq 1 ]] || echo s))"
echo

# ---------------------------------------------------------------------------------------------------------------------
echo "== summary"
failed=0
while read -r key count; do
    if [[ $count -eq 0 ]]; then state=PASS; else state=FAIL; failed=1; fi
    echo "rule $key: $state ($count)"
done <"$COUNTS_FILE"
echo "rule 5: $format_state ($format_count)"
[[ $format_state == FAIL ]] && failed=1
if [[ $failed -ne 0 ]]; then
    echo "layout check FAILED"
    exit 1
fi
echo "layout check passed"
