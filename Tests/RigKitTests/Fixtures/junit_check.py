#!/usr/bin/env python3
"""Checks a JUnit XML report the way CI test views read it; prints the problems, exits 1 on any.

Structure checked (the common JUnit schema used by Jenkins, GitLab and GitHub test reporters):
<testsuites> root with tests/failures/errors/skipped totals; each <testsuite> has name and counts
that equal its children; each <testcase> has classname and name and at most one of
<failure>/<error>/<skipped>, failures and errors with a message. An empty report is a failure.
"""
import sys
import xml.etree.ElementTree as ET


def main(path):
    problems = []
    root = ET.parse(path).getroot()
    if root.tag != "testsuites":
        problems.append(f"root is <{root.tag}>, expected <testsuites>")
    suites = root.findall("testsuite")
    if not suites:
        problems.append("no <testsuite>: an empty report proves nothing")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in suites:
        name = suite.get("name")
        if not name:
            problems.append("a <testsuite> without a name")
        cases = suite.findall("testcase")
        if not cases:
            problems.append(f"testsuite {name} has no test cases")
        counts = {"tests": len(cases), "failures": 0, "errors": 0, "skipped": 0}
        for case in cases:
            if not case.get("classname") or not case.get("name"):
                problems.append(f"testsuite {name}: a testcase without classname or name")
            outcomes = [c for c in case if c.tag in ("failure", "error", "skipped")]
            if len(outcomes) > 1:
                problems.append(f"testcase {case.get('name')}: more than one outcome")
            for outcome in outcomes:
                key = {"failure": "failures", "error": "errors", "skipped": "skipped"}[outcome.tag]
                counts[key] += 1
                if outcome.tag != "skipped" and not outcome.get("message"):
                    problems.append(f"testcase {case.get('name')}: <{outcome.tag}> without a message")
        for key, value in counts.items():
            if suite.get(key) != str(value):
                problems.append(f"testsuite {name}: {key}={suite.get(key)} but {value} counted")
            totals[key] += value
    for key, value in totals.items():
        if root.get(key) != str(value):
            problems.append(f"testsuites: {key}={root.get(key)} but {value} counted")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
