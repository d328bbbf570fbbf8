#!/usr/bin/env python3
"""The "team writes its own" baseline: load every .yml with PyYAML's C loader, validate it with jsonschema, and
check what a team would script (ids unique, flow targets declared)."""
import glob, json, sys
import yaml
import jsonschema

try:
    Loader = yaml.CSafeLoader
except AttributeError:
    sys.exit("PyYAML was built without libyaml: the C loader is missing")

schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft202012Validator(schema)
problems = 0
files = sorted(glob.glob(sys.argv[2] + "/**/*.yml", recursive=True))
for path in files:
    with open(path) as f:
        document = yaml.load(f, Loader=Loader)
    problems += sum(1 for _ in validator.iter_errors(document))
    ids = {"need", "done"} | {step["id"] for step in document["steps"]}
    if len(ids) != len(document["steps"]) + 2:
        problems += 1
    for flow in document["flows"]:
        problems += sum(1 for node in flow["nodes"] if node not in ids)
print(f"{len(files)} files, {problems} problems")
