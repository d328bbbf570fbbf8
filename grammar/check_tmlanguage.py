#!/usr/bin/env python3
"""Self-check for the TextMate grammars in this folder.

Loads grammar/vstream.tmLanguage.json and grammar/markdown-vstream.injection.tmLanguage.json, compiles every regex
with the `regex` module (after translating the few Oniguruma spellings it does not share), and tokenizes the
examples with a small TextMate engine: `match`, `begin`/`end` (with back-references), `while`, captures, `name`,
`contentName` and `include` (`#rule`, `$self`, other grammars by scope name).

What each token should be is decided independently of the grammar, by a lexer written from the language rules
(HELPERS.md, specs/language.md): declaration and attribute keywords, identifiers, activities, practices,
durations, percentages, arrows, commas, strings with their escapes, triple-quoted strings and comments. Every token
is one check; the script prints `N passed, N failed` and exits 1 if any check failed.

Usage: python3 grammar/check_tmlanguage.py [-v] [FILE.vstream ...]
(default files: examples/*.vstream and examples/broken/*.vstream)
"""

import glob
import json
import os
import sys

import regex

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GRAMMAR = os.path.join(ROOT, "grammar", "vstream.tmLanguage.json")
INJECTION = os.path.join(ROOT, "grammar", "markdown-vstream.injection.tmLanguage.json")

# ---------------------------------------------------------------------------------------------------------------
# Regex translation: Oniguruma -> Python `regex`


# The keywords that start a flow line: forward arrows, rework arrows, the main path and parallel branches.
FLOW_KEYWORDS = ("flow", "rework", "main", "parallel")


def translate(pattern, first_line):
    """Rewrites the Oniguruma escapes that `regex` spells differently; `\\A` matches only on a document's first line."""
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c != "\\" or i + 1 == len(pattern):
            out.append(c)
            i += 1
            continue
        n = pattern[i + 1]
        if n == "x" and pattern.startswith("{", i + 2):
            close = pattern.index("}", i)
            out.append("\\U%08x" % int(pattern[i + 3:close], 16))
            i = close + 1
            continue
        if n == "A":
            out.append("\\A" if first_line else "(?!)")
        elif n == "h":
            out.append("[0-9a-fA-F]")
        elif n == "H":
            out.append("[^0-9a-fA-F]")
        elif n == "z":
            out.append("\\Z")
        elif n == "Z":
            out.append("(?=\\n?\\Z)")
        else:
            out.append(c + n)
        i += 2
    return "".join(out)


_compiled = {}


def compile_pattern(pattern, first_line=False):
    key = (pattern, first_line)
    if key not in _compiled:
        _compiled[key] = regex.compile(translate(pattern, first_line))
    return _compiled[key]


def every_pattern(node):
    """Yields every regex string in a grammar (match, begin, end, while), for the compile check."""
    if isinstance(node, dict):
        for key in ("match", "begin", "end", "while"):
            if isinstance(node.get(key), str):
                yield key, node[key]
        for value in node.values():
            yield from every_pattern(value)
    elif isinstance(node, list):
        for value in node:
            yield from every_pattern(value)


# ---------------------------------------------------------------------------------------------------------------
# A small TextMate engine


class Grammar:
    def __init__(self, data, registry):
        self.data = data
        self.registry = registry
        self.repository = data.get("repository", {})
        registry[data["scopeName"]] = self


class Frame:
    """A begin/end or begin/while rule that is open."""

    def __init__(self, rule, grammar, end, scopes, content_scopes):
        self.rule = rule
        self.grammar = grammar
        self.end = end
        self.scopes = scopes
        self.content_scopes = content_scopes


def flatten(patterns, grammar, seen=None):
    """The concrete rules of a pattern list, with every include resolved; each paired with its grammar."""
    seen = set() if seen is None else seen
    result = []
    for pattern in patterns:
        include = pattern.get("include")
        if include is not None:
            if include.startswith("#"):
                target, owner = grammar.repository.get(include[1:]), grammar
                if target is None or id(target) in seen:
                    continue
                seen = seen | {id(target)}
                result += flatten([target], owner, seen)
            elif include in ("$self", "$base"):
                result += flatten(grammar.data["patterns"], grammar, seen | {include})
            elif include in grammar.registry and include not in seen:
                other = grammar.registry[include]
                result += flatten(other.data["patterns"], other, seen | {include})
            continue
        if "match" not in pattern and "begin" not in pattern:
            result += flatten(pattern.get("patterns", []), grammar, seen)
            continue
        result.append((pattern, grammar))
    return result


def resolve_backreferences(pattern, match):
    """`end` and `while` may name the begin match's groups as \\1..\\9."""
    def replace(m):
        text = match.group(int(m.group(1))) or ""
        return regex.escape(text)
    return regex.sub(r"\\([1-9])", replace, pattern)


class Tokenizer:
    def __init__(self, grammar):
        self.grammar = grammar
        self.stack = []

    def tokenize(self, lines):
        """The scope list of every character of every line."""
        result = []
        for number, line in enumerate(lines):
            result.append(self.line(line, number == 0))
        return result

    def paint(self, scopes, start, end, names):
        for i in range(start, min(end, len(scopes))):
            scopes[i] = list(names)

    def base(self):
        return list(self.stack[-1].content_scopes) if self.stack else [self.grammar.data["scopeName"]]

    def line(self, line, first):
        scopes = [[] for _ in line]
        pos = 0
        # `while` rules are checked at the start of every line, outermost first.
        for depth, frame in enumerate(self.stack):
            if "while" not in frame.rule:
                continue
            m = compile_pattern(frame.end, first).match(line, pos)
            if m is None:
                del self.stack[depth:]
                break
            self.paint(scopes, m.start(), m.end(), frame.scopes)
            pos = m.end()
        seen = set()
        while pos <= len(line):
            frame = self.stack[-1] if self.stack else None
            if frame is not None:
                candidates = flatten(frame.rule.get("patterns", []), frame.grammar)
            else:
                candidates = flatten(self.grammar.data["patterns"], self.grammar)
            best = None
            if frame is not None and "end" in frame.rule:
                m = compile_pattern(frame.end, first).search(line, pos)
                if m is not None:
                    last = frame.rule.get("applyEndPatternLast")
                    best = (m.start(), len(candidates) if last else -1, "end", m, None, None)
            for order, (rule, owner) in enumerate(candidates):
                m = compile_pattern(rule.get("match") or rule["begin"], first).search(line, pos)
                if m is None:
                    continue
                key = (m.start(), order)
                if best is None or key < best[:2]:
                    best = (m.start(), order, "match" if "match" in rule else "begin", m, rule, owner)
            if best is None:
                self.paint(scopes, pos, len(line), self.base())
                break
            start, _, kind, m, rule, owner = best
            state = (m.start(), m.end(), len(self.stack), kind, id(rule))
            if m.end() == m.start() and state in seen:
                # No progress: the engines skip one character rather than loop.
                if pos >= len(line):
                    break
                self.paint(scopes, pos, pos + 1, self.base())
                pos += 1
                continue
            seen.add(state)
            self.paint(scopes, pos, start, self.base())
            if kind == "end":
                self.stack.pop()
                self.paint(scopes, m.start(), m.end(), frame.scopes)
                self.apply_captures(scopes, m, frame.rule.get("endCaptures") or frame.rule.get("captures"),
                                    frame.scopes)
            elif kind == "match":
                names = self.base() + ([rule["name"]] if "name" in rule else [])
                self.paint(scopes, m.start(), m.end(), names)
                self.apply_captures(scopes, m, rule.get("captures"), names)
            else:
                names = self.base() + ([rule["name"]] if "name" in rule else [])
                content = names + ([rule["contentName"]] if "contentName" in rule else [])
                close = rule.get("end", rule.get("while"))
                self.stack.append(Frame(rule, owner, resolve_backreferences(close, m), names, content))
                self.paint(scopes, m.start(), m.end(), names)
                self.apply_captures(scopes, m, rule.get("beginCaptures") or rule.get("captures"), names)
            pos = m.end()
            if pos >= len(line) and kind == "match" and m.end() == m.start():
                break
        return scopes

    def apply_captures(self, scopes, match, captures, names):
        for key, value in sorted((captures or {}).items(), key=lambda kv: int(kv[0]) if kv[0].isdigit() else -1):
            if not key.isdigit() or "name" not in value:
                continue
            group = int(key)
            if group > (match.re.groups or 0) or match.start(group) < 0:
                continue
            for i in range(match.start(group), min(match.end(group), len(scopes))):
                scopes[i] = scopes[i] + [value["name"]]


# ---------------------------------------------------------------------------------------------------------------
# The expected scopes, from the language rules


DECLARATIONS = {"stream", "demand", "step", "value"}
ATTRIBUTES = {"activity", "practices", "roles", "time", "wait", "target", "ca", "note", "from", "for",
              "hands-over-to", "from-stream", "runs"}
ACTIVITIES = {"plan", "improve", "engage", "design-and-transition", "obtain-build", "deliver-and-support",
              "design-transition", "design-&-transition", "obtain/build", "obtain-and-build", "build",
              "deliver-support", "deliver-&-support",
              # ITIL Version 5's lifecycle activities and their aliases (`build` is both an alias and an id).
              "discover", "design", "acquire", "transition", "operate", "deliver", "support",
              "discovery", "acquisition", "procurement", "operation", "operations", "delivery"}
PRACTICES = set("""
architecture-management continual-improvement information-security-management knowledge-management
measurement-and-reporting organizational-change-management portfolio-management project-management
relationship-management risk-management service-financial-management strategy-management supplier-management
workforce-and-talent-management
availability-management business-analysis capacity-and-performance-management change-enablement incident-management
it-asset-management monitoring-and-event-management problem-management release-management
service-catalogue-management service-configuration-management service-continuity-management service-design
service-desk service-level-management service-request-management service-validation-and-testing
deployment-management infrastructure-and-platform-management software-development-and-management
change-control organisational-change-management service-catalog-management request-fulfilment event-management
service-asset-and-configuration-management it-service-continuity-management capacity-management
business-relationship-management financial-management-for-it-services
""".split())
DURATION = regex.compile(
    r"(?=\d)(?:\d+ww?)?(?:\d+w?d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?"
    r"(?:\.\.(?=\d)(?:\d+ww?)?(?:\d+w?d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?){0,2}\Z"
)
PERCENT = regex.compile(r"\d+(?:\.\d{1,2})?%\Z")
WORD = regex.compile(r'(?:(?!->)[^\s,"#])+')
RULE_NAME = regex.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def normalized(word):
    return word.lower().replace("_", "-")


class Expectation:
    """One check: every character of a token carries `scope` (or, with `absent`, carries no scope it names)."""

    def __init__(self, line, start, end, scope, what, absent=False):
        self.line, self.start, self.end, self.scope, self.what, self.absent = line, start, end, scope, what, absent


def selector_matches(selector, scope):
    """TextMate selector semantics for one scope: `a.b` matches `a.b` and `a.b.c`."""
    return scope == selector or scope.startswith(selector + ".")


def expectations(lines):
    """What each token of a .vstream file must be scoped as, from the language rules alone."""
    result = []
    index = 0
    if lines and lines[0].lstrip("\ufeff").rstrip(" \t") == "---":
        offset = len(lines[0]) - len(lines[0].lstrip("\ufeff"))
        result.append(Expectation(0, offset, offset + 3, "punctuation.definition.front-matter", "front matter fence"))
        index = 1
        while index < len(lines) and lines[index].rstrip(" \t") not in ("---", "..."):
            text = lines[index]
            if text.strip():
                start = len(text) - len(text.lstrip())
                result.append(Expectation(index, start, len(text), "meta.embedded.block.yaml", "front matter"))
                result.append(Expectation(index, start, len(text), "keyword.other", "no vstream keyword in YAML",
                                          absent=True))
            index += 1
        if index < len(lines):
            result.append(Expectation(index, 0, 3, "punctuation.definition.front-matter", "front matter fence"))
            index += 1
    in_triple = False
    flow_line = False
    for number in range(index, len(lines)):
        line = lines[number]
        pos = 0
        if in_triple:
            close = find_triple_end(line, 0)
            if close is None:
                if line.strip():
                    start = len(line) - len(line.lstrip())
                    result.append(Expectation(number, start, len(line), "string.quoted.triple.vstream",
                                              "triple-quoted string"))
                    result.append(Expectation(number, start, len(line), "comment", "no comment in a string",
                                              absent=True))
                continue
            start = len(line) - len(line.lstrip())
            result.append(Expectation(number, start, close + 3, "string.quoted.triple.vstream",
                                      "end of a triple-quoted string"))
            in_triple = False
            pos = close + 3
        first, keyword, words = True, None, 0
        if pos == 0:
            stripped = line.lstrip(" \t")
            if stripped.startswith("->"):
                keyword = "->" if flow_line else None
                first = False
            elif stripped and not stripped.startswith("#"):
                flow_line = False
        while pos < len(line):
            c = line[pos]
            if c in " \t\r":
                pos += 1
                continue
            if c == "#":
                result += comment_expectations(number, line, pos)
                break
            if line.startswith('"""', pos):
                close = find_triple_end(line, pos + 3)
                end = len(line) if close is None else close + 3
                result.append(Expectation(number, pos, end, "string.quoted.triple.vstream", "triple-quoted string"))
                in_triple = close is None
                pos = end
                first = False
                continue
            if c == '"':
                end = pos + 1
                while end < len(line) and line[end] != '"':
                    if line[end] == "\\" and end + 1 < len(line):
                        if line[end + 1] in '"\\nt':
                            result.append(Expectation(number, end, end + 2, "constant.character.escape.vstream",
                                                      "escape"))
                        end += 2
                    else:
                        end += 1
                end = min(end + 1, len(line))
                result.append(Expectation(number, pos, end, "string.quoted.double.vstream", "string"))
                result.append(Expectation(number, pos, end, "comment", "no comment in a string", absent=True))
                pos = end
                first = False
                continue
            if line.startswith("->", pos):
                if keyword in ("flow", "->"):
                    result.append(Expectation(number, pos, pos + 2, "keyword.operator.arrow.vstream", "arrow"))
                pos += 2
                first = False
                continue
            if c == ",":
                if keyword in ("practices", "roles"):
                    result.append(Expectation(number, pos, pos + 1, "punctuation.separator.comma.vstream", "comma"))
                pos += 1
                continue
            m = WORD.match(line, pos)
            word, end = m.group(0), m.end()
            if first:
                first = False
                keyword = word
                if word in DECLARATIONS or word in FLOW_KEYWORDS:
                    result.append(Expectation(number, pos, end, "keyword.other.declaration", "declaration keyword"))
                    flow_line = word in FLOW_KEYWORDS
                    if flow_line:
                        keyword = "flow"
                elif word in ATTRIBUTES:
                    result.append(Expectation(number, pos, end, "keyword.other.attribute.vstream",
                                              "attribute keyword"))
                else:
                    keyword = None
                    result.append(Expectation(number, pos, end, "keyword", "no keyword scope on `%s`" % word,
                                              absent=True))
            else:
                words += 1
                result += value_expectations(number, pos, end, word, keyword, words)
            pos = end
    return result


def find_triple_end(line, start):
    i = start
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        if line.startswith('"""', i):
            return i
        i += 1
    return None


def comment_expectations(number, line, pos):
    text = line[pos:]
    directive = regex.match(r"#[ \t]*vstream:[ \t]*(allow(?:-file)?)(?![A-Za-z0-9_-])(.*)$", text)
    if directive is None:
        return [Expectation(number, pos, len(line.rstrip()), "comment.line.number-sign.vstream", "comment")]
    result = [Expectation(number, pos, len(line.rstrip()), "comment.line.number-sign.directive.vstream",
                          "suppression comment"),
              Expectation(number, pos + directive.start(1), pos + directive.end(1),
                          "keyword.control.directive.allow.vstream", "suppression keyword")]
    rules, _, reason = directive.group(2).partition("--")
    base = pos + directive.start(2)
    for rule in RULE_NAME.finditer(rules):
        result.append(Expectation(number, base + rule.start(), base + rule.end(), "entity.name.tag.rule.vstream",
                                  "suppressed rule"))
    if reason.strip():
        start = base + len(rules) + 2 + (len(reason) - len(reason.lstrip()))
        result.append(Expectation(number, start, len(line.rstrip()), "string.unquoted.reason.vstream",
                                  "suppression reason"))
    return result


def value_expectations(number, start, end, word, keyword, position):
    if keyword in DECLARATIONS and position == 1:
        return [Expectation(number, start, end, "entity.name", "declared identifier")]
    if keyword in ("flow", "->") and regex.fullmatch(r"[0-9]+(\.[0-9]+)?%", word):
        # A share after an arrow (`-> 30% b`).
        return [Expectation(number, start, end, "constant.numeric.percent.vstream", "share")]
    if keyword in ("flow", "->"):
        return [Expectation(number, start, end, "variable.other.node.vstream", "flow node")]
    if keyword in ("hands-over-to", "from-stream", "runs") and position == 1:
        return [Expectation(number, start, end, "variable.other.stream.vstream", "another stream's id")]
    if keyword == "activity":
        known = normalized(word) in ACTIVITIES
        scope = "support.constant.activity.vstream" if known else "variable.other.activity.vstream"
        return [Expectation(number, start, end, scope, "activity" if known else "unknown activity")]
    if keyword == "practices":
        known = normalized(word) in PRACTICES
        scope = "support.constant.practice.vstream" if known else "variable.other.practice.vstream"
        return [Expectation(number, start, end, scope, "practice" if known else "unknown practice")]
    if keyword == "wait" and word == "planned" and position == 2:
        # `wait 4w planned`: a booked wait.
        return [Expectation(number, start, end, "keyword.other.planned.vstream", "planned wait")]
    if keyword in ("time", "wait", "target"):
        if DURATION.match(word):
            return [Expectation(number, start, end, "constant.numeric.duration.vstream", "duration")]
        return [Expectation(number, start, end, "constant.numeric", "no number scope on `%s`" % word, absent=True)]
    if keyword == "ca":
        if PERCENT.match(word):
            return [Expectation(number, start, end, "constant.numeric.percent.vstream", "percentage")]
        return [Expectation(number, start, end, "constant.numeric.percent", "no percent scope on `%s`" % word,
                            absent=True)]
    return []


# ---------------------------------------------------------------------------------------------------------------
# Checks


class Report:
    def __init__(self, verbose):
        self.passed = 0
        self.failed = 0
        self.verbose = verbose

    def check(self, ok, description):
        if ok:
            self.passed += 1
            if self.verbose:
                print("ok   " + description)
        else:
            self.failed += 1
            print("FAIL " + description)


def split_lines(text):
    # Editors hand TextMate engines lines without their line break; a CR of a CRLF file is part of the break.
    return [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]


def check_expectations(report, name, lines, scopes, expected):
    for e in expected:
        token = lines[e.line][e.start:e.end]
        chars = scopes[e.line][e.start:e.end]
        if e.absent:
            ok = all(not any(selector_matches(e.scope, s) for s in char) for char in chars)
        else:
            ok = bool(chars) and all(any(selector_matches(e.scope, s) for s in char) for char in chars)
        got = "" if ok else "; got %s" % sorted({s for char in chars for s in char})
        verb = "is not" if e.absent else "is"
        report.check(ok, "%s:%d:%d %s `%s` %s %s%s" % (name, e.line + 1, e.start + 1, e.what, token, verb,
                                                        e.scope, got))


def check_file(report, grammar, name, text):
    lines = split_lines(text)
    scopes = Tokenizer(grammar).tokenize(lines)
    check_expectations(report, name, lines, scopes, expectations(lines))


# Edge cases the examples do not have; the expectations still come from the lexer above.
SNIPPETS = {
    "directives": (
        "# vstream: allow-file low-flow-efficiency -- waits are set by suppliers\n"
        "stream s \"S\"  # vstream: allow no-engage, engage-first -- the consumer is a system\n"
        "# vstream: allow partial-metrics\n"
        "step a \"Quote \\\" tab \\t and \\\\ in a title # not a comment\"\n"
        "  practices incident-managment, Change_Control,SERVICE-DESK, service-desk-x\n"
        "  activity obtain/build\n"
        "  time 1h30m   # trailing\n"
        "  wait 5 minutes\n"
        "  ca 99.5%\n"
        "step b\n"
        "  activity Design_And_Transition\n"
        "  ca 90 percent\n"
        "  time 2h\n"
        "  note \"\"\"one line\"\"\"\n"
        "step c \"C\"\n"
        "  activity deliver\n"
        "  note \"\"\"\n"
        "    # not a comment, and \"quotes\" stay inside\n"
        "    flow a -> b\n"
        "    \"\"\"\n"
        "  roles \"Developer\", \"Tester\"\n"
        "value v \"V\"\n"
        "  for \"Someone\"\n"
        "flow s -> a -> b \"label with -> arrow\"\n"
        "  -> c  # continued\n"
        "->v\n"
    ),
    "bom-and-crlf": "\ufeff---\r\ntitle: T\r\nowner: O\r\n---\r\nstream s \"S\"\r\nstep a\r\n  time 5m\r\n",
    "dots-close-front-matter": "---\ntitle: T\n...\nstream s\n",
    "no-front-matter-later": "stream s\n---\ntitle: not front matter\n",
}


def check_injection(report, registry):
    """Markdown fences tagged vstream are tokenized with source.vstream; others are not."""
    data = json.load(open(INJECTION, encoding="utf-8"))
    report.check(data.get("scopeName") == "markdown.vstream.codeblock", "injection scopeName")
    report.check(data.get("injectionSelector") == "L:text.html.markdown", "injection selector")
    # A stand-in for the Markdown grammar: only the injected rule.
    host = Grammar({"scopeName": "text.html.markdown", "patterns": data["patterns"],
                    "repository": data.get("repository", {})}, registry)
    markdown = [
        "# Title",
        "",
        "```vstream",
        "stream s \"S\"",
        "step a \"A\"",
        "  time 5m",
        "```",
        "",
        "~~~ VStream title=demo",
        "flow a -> b",
        "~~~",
        "",
        "```yaml",
        "step: 5m",
        "```",
        "step after the fences",
    ]
    scopes = Tokenizer(host).tokenize(markdown)

    def has(line, column, scope):
        return any(selector_matches(scope, s) for s in scopes[line][column])

    report.check(has(3, 0, "keyword.other.declaration") and has(3, 0, "meta.embedded.block.vstream"),
                 "markdown: `stream` in a ```vstream fence is a declaration keyword")
    report.check(has(5, 7, "constant.numeric.duration.vstream"), "markdown: `5m` in a ```vstream fence is a duration")
    report.check(has(9, 7, "keyword.operator.arrow.vstream"), "markdown: `->` in a ~~~ VStream fence is an arrow")
    report.check(has(2, 3, "fenced_code.block.language"), "markdown: the fence's language word is scoped")
    report.check(not has(13, 0, "keyword.other.declaration"), "markdown: a ```yaml fence is not vstream")
    report.check(not has(15, 0, "keyword.other.declaration"), "markdown: text after a closed fence is not vstream")


def main(argv):
    verbose = "-v" in argv
    files = [a for a in argv if a != "-v"]
    report = Report(verbose)
    registry = {}
    data = json.load(open(GRAMMAR, encoding="utf-8"))
    report.check(data.get("scopeName") == "source.vstream", "grammar scopeName is source.vstream")
    report.check(data.get("fileTypes") == ["vstream"], "grammar fileTypes is [\"vstream\"]")
    for path in (GRAMMAR, INJECTION):
        for key, pattern in every_pattern(json.load(open(path, encoding="utf-8"))):
            if key in ("end", "while"):
                # Back-references name the begin match's groups; any text stands in for them here.
                pattern = regex.sub(r"\\[1-9]", "x", pattern)
            try:
                compile_pattern(pattern, True)
                compile_pattern(pattern, False)
                report.check(True, "%s compiles: %s" % (key, pattern[:60]))
            except regex.error as error:
                report.check(False, "%s in %s does not compile (%s): %s" % (key, os.path.basename(path), error,
                                                                         pattern))
    grammar = Grammar(data, registry)
    if not files:
        files = sorted(glob.glob(os.path.join(ROOT, "examples", "*.vstream")))
        files += sorted(glob.glob(os.path.join(ROOT, "examples", "broken", "*.vstream")))
    for path in files:
        with open(path, encoding="utf-8", newline="") as f:
            check_file(report, grammar, os.path.relpath(path, ROOT), f.read())
    for name, text in SNIPPETS.items():
        check_file(report, grammar, "<%s>" % name, text)
    check_injection(report, registry)
    print("%d passed, %d failed" % (report.passed, report.failed))
    return 1 if report.failed or not report.passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
